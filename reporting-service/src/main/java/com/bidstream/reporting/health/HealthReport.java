package com.bidstream.reporting.health;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/v1/reports/health} (contract section 6, with a
 * {@code reason} beside each status).
 */
record HealthReport(HealthStatus status, String reason, List<Stage> stages, List<Source> sources,
		List<Rejected> rejects, Feeds feeds) {

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

	/**
	 * The feeds as ingest shows them to the caller: the failing ones, or why they could
	 * not be read ({@code error}); null in the report when ingest is not asked (no
	 * {@code bidstream.reporting.ingest-url}).
	 */
	record Feeds(List<Feed> failing, String error) {

	}

	record Feed(String id, String agencyId, String type, String source, int consecutiveFailures, Instant lastSuccessAt,
			String lastError) {

	}

}
