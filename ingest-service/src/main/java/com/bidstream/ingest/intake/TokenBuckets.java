package com.bidstream.ingest.intake;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per agency: {@code rate} requests a second on average, up to
 * {@code burst} at once. A request that finds the bucket empty learns how many seconds
 * until the next token.
 */
final class TokenBuckets {

	private final double rate;

	private final double burst;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(double rate, int burst) {
		if (rate <= 0 || burst < 1) {
			throw new IllegalArgumentException("The request rate must be positive and the burst at least 1");
		}
		this.rate = rate;
		this.burst = burst;
	}

	/**
	 * 0 when the agency may go on (a token is taken), otherwise the whole seconds until
	 * it may try again.
	 */
	long take(String agency, long nowNanos) {
		return this.buckets.computeIfAbsent(agency, (key) -> new Bucket(this.burst, nowNanos))
			.take(nowNanos, this.rate, this.burst);
	}

	private static final class Bucket {

		private double tokens;

		private long refilledAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.refilledAt = now;
		}

		synchronized long take(long now, double rate, double burst) {
			this.tokens = Math.min(burst, this.tokens + (now - this.refilledAt) / 1e9 * rate);
			this.refilledAt = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - this.tokens) / rate));
		}

	}

}
