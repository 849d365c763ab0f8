package com.bidstream.reporting.funnel;

import java.util.Locale;

/**
 * The diagnosis thresholds, checked down the funnel; the first stage below its threshold
 * is the diagnosis.
 * <ul>
 * <li>{@code OPPORTUNITY}: at least {@value #MIN_SCORED_FOR_OPPORTUNITY} listings scored
 * and fewer than {@value #MIN_QUEUED_SHARE} of them queued (checked first, as it needs no
 * proposals);</li>
 * <li>{@code NONE} "too little data" with fewer than {@value #MIN_PROPOSALS}
 * proposals;</li>
 * <li>{@code REPLY}: replied/proposed below {@value #MIN_REPLY_RATE};</li>
 * <li>{@code INTERVIEW}: interviewed/replied below
 * {@value #MIN_INTERVIEWS_PER_REPLY};</li>
 * <li>{@code CLOSE}: hired/interviewed below {@value #MIN_HIRES_PER_INTERVIEW};</li>
 * <li>otherwise {@code NONE}, healthy.</li>
 * </ul>
 */
public final class Diagnostician {

	public static final int MIN_SCORED_FOR_OPPORTUNITY = 20;

	public static final double MIN_QUEUED_SHARE = 0.2;

	public static final int MIN_PROPOSALS = 5;

	public static final double MIN_REPLY_RATE = 0.15;

	public static final double MIN_INTERVIEWS_PER_REPLY = 0.3;

	public static final double MIN_HIRES_PER_INTERVIEW = 0.2;

	private Diagnostician() {
	}

	public static Diagnosis diagnose(long scored, long queued, long proposed, long replied, long interviewed,
			long hired) {
		if (scored >= MIN_SCORED_FOR_OPPORTUNITY && share(queued, scored) < MIN_QUEUED_SHARE) {
			return leak(Diagnosis.Stage.OPPORTUNITY, queued, scored, "scored listings were queued",
					"find more listings worth pursuing (sources, scoring profile)");
		}
		if (proposed < MIN_PROPOSALS) {
			return new Diagnosis(Diagnosis.Stage.NONE,
					"Too little data: " + proposed + ((proposed == 1) ? " proposal" : " proposals") + " (at least "
							+ MIN_PROPOSALS + " are needed to diagnose)");
		}
		if (share(replied, proposed) < MIN_REPLY_RATE) {
			return leak(Diagnosis.Stage.REPLY, replied, proposed, "proposals got a reply",
					"sharpen the proposals' opening and proof");
		}
		if (share(interviewed, replied) < MIN_INTERVIEWS_PER_REPLY) {
			return leak(Diagnosis.Stage.INTERVIEW, interviewed, replied, "replies led to an interview",
					"answer replies faster and more concretely");
		}
		if (share(hired, interviewed) < MIN_HIRES_PER_INTERVIEW) {
			return leak(Diagnosis.Stage.CLOSE, hired, interviewed, "interviews led to a hire",
					"look at pricing and how offers are closed");
		}
		return new Diagnosis(Diagnosis.Stage.NONE, "Healthy: no stage is below its threshold");
	}

	private static double share(long part, long whole) {
		return (whole > 0) ? (double) part / whole : 0.0;
	}

	private static Diagnosis leak(Diagnosis.Stage stage, long part, long whole, String what, String advice) {
		String percent = String.format(Locale.ROOT, "%.0f%%", share(part, whole) * 100);
		return new Diagnosis(stage, "Only " + part + " of " + whole + " " + what + " (" + percent + "): " + advice);
	}

}
