package com.bidstream.reporting.health;

/**
 * The fixed latency buckets of {@code health_latency_bucket()} (V4): 90 buckets, four per
 * doubling, so each bucket's upper bound is 19% above its lower one. Bucket 0 holds 1 ms
 * or less, bucket {@code i} up to {@code 2^(i/4)} ms, bucket 89 everything above
 * {@code 2^22} ms (70 minutes). A percentile is the upper bound of the bucket it falls
 * in: never below the true value, at most 19% above it (the overflow bucket reports 70
 * minutes, its lower bound).
 */
final class LatencyHistogram {

	static final int BUCKETS = 90;

	private static final int PER_DOUBLING = 4;

	private LatencyHistogram() {
	}

	/**
	 * The bucket of a latency of {@code millis} ms, as {@code health_latency_bucket()}
	 * computes it (the same operations in the same order; {@code LatencyBucketsTests}
	 * holds the two together).
	 */
	static int bucketOf(double millis) {
		if (millis <= 1) {
			return 0;
		}
		return (int) Math.min(BUCKETS - 1, Math.ceil(PER_DOUBLING * Math.log(millis) / Math.log(2)));
	}

	/**
	 * The largest latency, in ms, that bucket {@code i} holds (bucket 89: its lowest).
	 */
	static long upperBoundMillis(int bucket) {
		int bounded = Math.min(bucket, BUCKETS - 2);
		return Math.round(Math.pow(2, (double) bounded / PER_DOUBLING));
	}

	/**
	 * The {@code quantile} (0..1) of the counted latencies, in ms, or null when nothing
	 * was counted.
	 */
	static Long percentile(long[] counts, double quantile) {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		if (total == 0) {
			return null;
		}
		long rank = Math.max(1, (long) Math.ceil(quantile * total));
		long seen = 0;
		for (int bucket = 0; bucket < counts.length; bucket++) {
			seen += counts[bucket];
			if (seen >= rank) {
				return upperBoundMillis(bucket);
			}
		}
		return upperBoundMillis(counts.length - 1);
	}

}
