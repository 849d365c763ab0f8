package com.bidstream.reporting.funnel;

import java.util.List;

/**
 * The 95% Wilson score interval of a proportion: unlike the normal approximation it stays
 * inside 0..1 and is honest for small samples (2 of 3 spans roughly 0.21 to 0.94).
 */
public final class Wilson {

	private static final double Z = 1.959964;

	private Wilson() {
	}

	/**
	 * @return {@code [low, high]} rounded to four places, or null when {@code trials} is
	 * 0
	 */
	public static List<Double> interval(long successes, long trials) {
		if (trials <= 0) {
			return null;
		}
		double n = trials;
		double p = successes / n;
		double z2 = Z * Z;
		double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
		double half = (Z / (1 + z2 / n)) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
		return List.of(round(Math.max(0, centre - half)), round(Math.min(1, centre + half)));
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
