package com.bidstream.localstack.bench;

import java.util.Arrays;

/**
 * p50/p95/p99/max of a set of values (milliseconds here), by the nearest-rank method: a
 * reported percentile is always a value that was measured, never an interpolation. No
 * values: count 0 and nulls (JSON has no NaN).
 */
record Percentiles(long count, Double p50, Double p95, Double p99, Double max) {

	static final Percentiles NONE = new Percentiles(0, null, null, null, null);

	static Percentiles of(double[] values) {
		if (values.length == 0) {
			return NONE;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return new Percentiles(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99),
				sorted[sorted.length - 1]);
	}

	private static Double rank(double[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

}
