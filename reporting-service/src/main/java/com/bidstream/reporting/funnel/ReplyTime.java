package com.bidstream.reporting.funnel;

/**
 * The time from proposal to reply as the funnel keeps it: whole minutes under two hours,
 * quarter hours under two days, whole hours beyond. Kept this way, the reply times of a
 * group fit a small histogram per day, so the median of any period is read from summed
 * histograms instead of every pursuit; both the incremental store and the from-scratch
 * count use these steps, so they agree exactly.
 */
public final class ReplyTime {

	private static final int TWO_HOURS = 120;

	private static final int TWO_DAYS = 2880;

	private ReplyTime() {
	}

	/**
	 * @param minutes the minutes from proposal to reply, at least 0
	 * @return the minutes, rounded down to the step of their range
	 */
	public static int bin(long minutes) {
		long clamped = Math.max(0, Math.min(minutes, Integer.MAX_VALUE));
		if (clamped < TWO_HOURS) {
			return (int) clamped;
		}
		if (clamped < TWO_DAYS) {
			return (int) (clamped - clamped % 15);
		}
		return (int) (clamped - clamped % 60);
	}

	static double hours(int bin) {
		return bin / 60.0;
	}

}
