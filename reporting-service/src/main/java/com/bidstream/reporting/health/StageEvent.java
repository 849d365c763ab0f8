package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One consumed event as one stage counts it: when the stage did its work
 * ({@code eventAt}, bucketed by its minute) and how long that took, when known. A score
 * of a later version has no latency of its own: {@code jobKey} and {@code version} let
 * the statement take it from the stored listing's ingest time.
 */
record StageEvent(PipelineStage stage, String topic, String agencyId, Instant eventAt, Integer latencyMs, String jobKey,
		Integer version) {

	static StageEvent of(PipelineStage stage, String topic, String agencyId, Instant eventAt, Instant startedAt) {
		return new StageEvent(stage, topic, agencyId, eventAt, millisBetween(startedAt, eventAt), null, null);
	}

	Instant minute() {
		return this.eventAt.truncatedTo(ChronoUnit.MINUTES);
	}

	String stageLabel() {
		return this.stage.label();
	}

	/**
	 * Whole milliseconds from {@code from} to {@code to}, capped to an int (the histogram
	 * ends at 70 minutes anyway); null when either is unknown.
	 */
	static Integer millisBetween(Instant from, Instant to) {
		if (from == null || to == null) {
			return null;
		}
		long millis = Duration.between(from, to).toMillis();
		return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, millis));
	}

}
