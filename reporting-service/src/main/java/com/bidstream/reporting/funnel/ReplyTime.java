package com.bidstream.reporting.funnel;

/**
 * The time from proposal to reply as the funnel keeps it: rounded down to the nearest of
 * a fixed set of steps (1, 2, 3, 5, 10, 15, 20, 30, 45 minutes; 1, 1.5, 2, 3, 4, 5, 6, 8,
 * 10, 12, 16, 20, 24, 30, 36, 48, 60, 72, 96, 120, 144 hours; 7, 10, 14, 21, 30 days;
 * then whole 30 days). Kept this way, the reply times of a group are a small histogram
 * per day and month, so the median of any period is read from summed histograms instead
 * of every pursuit. Both the incremental store and the from-scratch count use these
 * steps, so they agree exactly; a median is therefore at most one step below the true one
 * (under 2 hours, within 30 minutes; under a day, within a quarter).
 */
public final class ReplyTime {

	private static final int[] STEPS = { 0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 360, 480, 600,
			720, 960, 1200, 1440, 1800, 2160, 2880, 3600, 4320, 5760, 7200, 8640, 10080, 14400, 20160, 30240, 43200 };

	private static final int MONTH = 43200;

	private ReplyTime() {
	}

	/**
	 * @param minutes the minutes from proposal to reply, at least 0
	 * @return the largest step at or below them
	 */
	public static int bin(long minutes) {
		long clamped = Math.max(0, Math.min(minutes, Integer.MAX_VALUE));
		if (clamped >= MONTH) {
			return (int) (clamped - clamped % MONTH);
		}
		int step = 0;
		for (int bound : STEPS) {
			if (bound <= clamped) {
				step = bound;
			}
		}
		return step;
	}

	static double hours(int bin) {
		return bin / 60.0;
	}

}
