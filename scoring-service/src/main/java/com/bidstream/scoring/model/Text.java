package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How numbers read in the signals' reasons.
 */
final class Text {

	private Text() {
	}

	/**
	 * {@code $4,000}, or {@code $47.50} when there are cents.
	 */
	static String dollars(BigDecimal amount) {
		if (amount.stripTrailingZeros().scale() <= 0) {
			return String.format(Locale.US, "$%,d", amount.longValue());
		}
		return String.format(Locale.US, "$%,.2f", amount);
	}

	static String count(long n, String singular, String plural) {
		return String.format(Locale.US, "%,d %s", n, (n == 1) ? singular : plural);
	}

	static double round(double value) {
		return Math.round(Math.max(0, Math.min(1, value)) * 100) / 100.0;
	}

}
