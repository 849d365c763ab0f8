package com.bidstream.reporting.health;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/**
 * What the broker said at one moment, per consumer stage: lag (end offsets minus the
 * group's committed ones, or minus the start where it committed none), the sum of its
 * committed positions (its progress) and its dead letters (what its {@code error.*}
 * topics hold). {@code failure} says why the broker did not answer; the maps are empty
 * then. {@code deadLetterEnds} tells the sampler when new dead letters arrived.
 */
record BrokerSample(Instant at, String failure, Map<PipelineStage, Long> lag, Map<PipelineStage, Long> progress,
		Map<PipelineStage, Long> deadLetters, Map<TopicPartition, Long> deadLetterEnds) {

	static BrokerSample unreachable(Instant at, String failure) {
		return new BrokerSample(at, failure, Map.of(), Map.of(), Map.of(), Map.of());
	}

	boolean reachable() {
		return this.failure == null;
	}

	long lagOf(PipelineStage stage) {
		return this.lag.getOrDefault(stage, 0L);
	}

	long progressOf(PipelineStage stage) {
		return this.progress.getOrDefault(stage, 0L);
	}

	long deadLettersOf(PipelineStage stage) {
		return this.deadLetters.getOrDefault(stage, 0L);
	}

}
