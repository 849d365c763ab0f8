package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import com.bidstream.contracts.BidstreamEvent;

/**
 * What one consumer counts instead of logging each event: events applied and redeliveries
 * skipped, and the latency from an event's {@code occurredAt} to its effect's commit.
 */
final class ConsumerMetrics {

	private static final Duration MAX_RECORDED_AGE = Duration.ofDays(365);

	private final Counter applied;

	private final Counter duplicates;

	private final Timer latency;

	private final Clock clock;

	ConsumerMetrics(MeterRegistry meters, String consumer, Class<?> type, Clock clock) {
		this.clock = clock;
		this.applied = counter(meters, consumer, type, "applied");
		this.duplicates = counter(meters, consumer, type, "duplicate");
		this.latency = Timer.builder("bidstream.events.latency")
			.description("From an event's occurredAt to the commit of its effect in a consumer")
			.tag("consumer", consumer)
			.tag("event", type.getSimpleName())
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(meters);
	}

	void applied(List<? extends BidstreamEvent> events, int duplicates) {
		this.applied.increment(events.size());
		this.duplicates.increment(duplicates);
		Instant now = this.clock.instant();
		for (BidstreamEvent event : events) {
			Duration age = Duration.between(event.occurredAt(), now);
			if (!age.isNegative() && age.compareTo(MAX_RECORDED_AGE) < 0) {
				this.latency.record(age);
			}
		}
	}

	private static Counter counter(MeterRegistry meters, String consumer, Class<?> type, String result) {
		return Counter.builder("bidstream.events.consumed")
			.description("Events a consumer received, by whether they were applied or were redeliveries")
			.tag("consumer", consumer)
			.tag("event", type.getSimpleName())
			.tag("result", result)
			.register(meters);
	}

}
