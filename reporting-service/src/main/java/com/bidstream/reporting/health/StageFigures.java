package com.bidstream.reporting.health;

import java.time.Instant;

/**
 * What the buckets say of one stage in one scope: events over the processed window, the
 * rate over the last minutes, the latest event, and latency percentiles in ms (null
 * without data).
 */
record StageFigures(PipelineStage stage, long processed, double perMinute, Instant lastEventAt, Long p50, Long p95,
		Long p99) {

	static StageFigures none(PipelineStage stage) {
		return new StageFigures(stage, 0, 0.0, null, null, null, null);
	}

}
