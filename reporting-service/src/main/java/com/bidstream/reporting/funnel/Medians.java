package com.bidstream.reporting.funnel;

import java.util.List;

/**
 * The median of a list of hours, rounded to hundredths; null for an empty list.
 */
final class Medians {

	private Medians() {
	}

	static Double hours(List<Double> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Double> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		return Math.round(median * 100) / 100.0;
	}

}
