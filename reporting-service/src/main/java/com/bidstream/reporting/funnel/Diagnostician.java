package com.bidstream.reporting.funnel;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The diagnosis thresholds, checked down the funnel; the first stage below its threshold
 * is the diagnosis.
 * <ul>
 * <li>{@code OPPORTUNITY}: at least {@value #MIN_SCORED_FOR_OPPORTUNITY} listings scored
 * and fewer than {@value #MIN_QUEUED_SHARE} of them queued (checked first, as it needs no
 * proposals);</li>
 * <li>{@code NONE} "too little data" with fewer than {@value #MIN_PROPOSALS}
 * proposals;</li>
 * <li>{@code REPLY}: a reply rate under {@value #POOR_REPLY_RATE}, which the market holds
 * poor ({@value #STRONG_REPLY_RATE} and more is strong);</li>
 * <li>{@code INTERVIEW}: interviewed/replied below
 * {@value #MIN_INTERVIEWS_PER_REPLY};</li>
 * <li>{@code CLOSE}: hired/interviewed below {@value #MIN_HIRES_PER_INTERVIEW};</li>
 * <li>otherwise {@code NONE}, healthy, with the reply rate and the win rate held against
 * their benchmarks (a win rate of {@value #NORMAL_WIN_RATE_LOW} to
 * {@value #NORMAL_WIN_RATE_HIGH} is normal for a focused agency).</li>
 * </ul>
 */
public final class Diagnostician {

	public static final int MIN_SCORED_FOR_OPPORTUNITY = 20;

	public static final double MIN_QUEUED_SHARE = 0.2;

	public static final int MIN_PROPOSALS = 5;

	public static final double POOR_REPLY_RATE = 0.05;

	public static final double STRONG_REPLY_RATE = 0.15;

	public static final double MIN_INTERVIEWS_PER_REPLY = 0.3;

	public static final double MIN_HIRES_PER_INTERVIEW = 0.2;

	public static final double NORMAL_WIN_RATE_LOW = 0.05;

	public static final double NORMAL_WIN_RATE_HIGH = 0.12;

	static final String REPLY_BENCHMARK = "reply rate: under 5% is poor, 15% and more is strong";

	static final String WIN_BENCHMARK = "win rate: 5% to 12% is normal for a focused agency";

	private Diagnostician() {
	}

	public static Diagnosis diagnose(long scored, long queued, long proposed, long replied, long interviewed,
			long hired) {
		if (scored >= MIN_SCORED_FOR_OPPORTUNITY && share(queued, scored) < MIN_QUEUED_SHARE) {
			return leak(Diagnosis.Stage.OPPORTUNITY, queued, scored, "scored listings were queued",
					"find more listings worth pursuing (sources, scoring profile)",
					figures("scored", scored, "queued", queued),
					"at least " + percent(MIN_QUEUED_SHARE) + " of scored listings worth pursuing");
		}
		if (proposed < MIN_PROPOSALS) {
			return new Diagnosis(Diagnosis.Stage.NONE,
					"Too little data: " + proposed + ((proposed == 1) ? " proposal" : " proposals") + " (at least "
							+ MIN_PROPOSALS + " are needed to diagnose)",
					figures("proposed", proposed), "at least " + MIN_PROPOSALS + " proposals");
		}
		double replyRate = share(replied, proposed);
		if (replyRate < POOR_REPLY_RATE) {
			return leak(Diagnosis.Stage.REPLY, replied, proposed, "proposals got a reply, which is poor",
					"sharpen the proposals' opening and proof",
					figures("proposed", proposed, "replied", replied, "replyRate", round(replyRate)), REPLY_BENCHMARK);
		}
		if (share(interviewed, replied) < MIN_INTERVIEWS_PER_REPLY) {
			return leak(Diagnosis.Stage.INTERVIEW, interviewed, replied, "replies led to an interview",
					"answer replies faster and more concretely",
					figures("replied", replied, "interviewed", interviewed),
					"at least " + percent(MIN_INTERVIEWS_PER_REPLY) + " of replies lead to an interview");
		}
		double winRate = share(hired, proposed);
		if (share(hired, interviewed) < MIN_HIRES_PER_INTERVIEW) {
			return leak(Diagnosis.Stage.CLOSE, hired, interviewed, "interviews led to a hire",
					"look at pricing and how offers are closed",
					figures("interviewed", interviewed, "hired", hired, "winRate", round(winRate)),
					"at least " + percent(MIN_HIRES_PER_INTERVIEW) + " of interviews lead to a hire; " + WIN_BENCHMARK);
		}
		String reply = (replyRate >= STRONG_REPLY_RATE) ? "strong" : "fair";
		String win = (winRate < NORMAL_WIN_RATE_LOW) ? "below normal"
				: (winRate <= NORMAL_WIN_RATE_HIGH) ? "normal" : "above normal";
		return new Diagnosis(Diagnosis.Stage.NONE,
				"Healthy: no stage is below its threshold; reply rate " + percent(replyRate) + " (" + reply
						+ "), win rate " + percent(winRate) + " (" + win + ")",
				figures("proposed", proposed, "replyRate", round(replyRate), "winRate", round(winRate)),
				REPLY_BENCHMARK + "; " + WIN_BENCHMARK);
	}

	private static Map<String, Number> figures(Object... namesAndValues) {
		Map<String, Number> figures = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			figures.put((String) namesAndValues[i], (Number) namesAndValues[i + 1]);
		}
		return figures;
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	private static double share(long part, long whole) {
		return (whole > 0) ? (double) part / whole : 0.0;
	}

	/**
	 * A share in whole percent, or to one decimal below 1% (12 of 27,075 read "0%", which
	 * says none), and "under 0.1%" below that.
	 */
	private static String percent(double share) {
		double percent = share * 100;
		if (percent > 0 && percent < 0.05) {
			return "under 0.1%";
		}
		return String.format(Locale.ROOT, (percent > 0 && percent < 0.95) ? "%.1f%%" : "%.0f%%", percent);
	}

	private static Diagnosis leak(Diagnosis.Stage stage, long part, long whole, String what, String advice,
			Map<String, Number> figures, String benchmark) {
		return new Diagnosis(stage,
				"Only " + part + " of " + whole + " " + what + " (" + percent(share(part, whole)) + "): " + advice,
				figures, benchmark);
	}

}
