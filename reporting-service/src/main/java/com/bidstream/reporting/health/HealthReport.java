package com.bidstream.reporting.health;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/reports/health} (contract section 6, with a
 * {@code reason} beside each status).
 */
record HealthReport(HealthStatus status, String reason, List<Stage> stages, List<Source> sources,
		List<Rejected> rejects) {

	/**
	 * One stage: {@code lag} and {@code deadLetters} are null for ingest (no consumer
	 * group) and while the broker does not answer.
	 */
	record Stage(String name, long processed, double perMinute, Instant lastEventAt, Latency latencyMs, Long lag,
			Long deadLetters, HealthStatus status, String reason) {

	}

	/** Percentiles in ms, null without data. */
	record Latency(Long p50, Long p95, Long p99) {

	}

	record Source(String source, Instant lastListingAt, long listings24h) {

	}

	record Rejected(Instant at, String stage, String reason) {

	}

}
