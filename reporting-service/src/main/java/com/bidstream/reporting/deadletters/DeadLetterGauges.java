package com.bidstream.reporting.deadletters;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * {@code bidstream.reporting.dead-letters{topic=...}}: how many messages each dead-letter
 * topic holds (end minus beginning offsets; redriving does not lower it, retention does).
 * Refreshed by a @Scheduled job and by every listing, never during a scrape, so a broker
 * that is down does not stall {@code /actuator/prometheus}: the gauges keep their last
 * values meanwhile.
 */
class DeadLetterGauges {

	private static final Logger log = LoggerFactory.getLogger(DeadLetterGauges.class);

	private final DeadLetterBroker broker;

	private final MeterRegistry meters;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	DeadLetterGauges(DeadLetterBroker broker, MeterRegistry meters) {
		this.broker = broker;
		this.meters = meters;
	}

	/**
	 * Sets the gauges of the topics the ranges cover; a known topic that {@code covered}
	 * matches but the ranges lack (deleted) drops to 0.
	 */
	void update(Map<TopicPartition, OffsetRange> ranges, Predicate<String> covered) {
		Map<String, Long> totals = ranges.entrySet()
			.stream()
			.collect(Collectors.groupingBy((range) -> range.getKey().topic(),
					Collectors.summingLong((range) -> range.getValue().count())));
		totals.forEach((topic, count) -> gauge(topic).set(count));
		this.counts.forEach((topic, count) -> {
			if (covered.test(topic) && !totals.containsKey(topic)) {
				count.set(0);
			}
		});
	}

	@Scheduled(fixedDelayString = "${bidstream.reporting.dead-letters.refresh-interval:30s}")
	void refresh() {
		try {
			update(this.broker.ranges((topic) -> true), (topic) -> true);
		}
		catch (RuntimeException ex) {
			log.debug("Dead-letter gauges not refreshed: {}", ex.getMessage());
		}
	}

	private AtomicLong gauge(String topic) {
		return this.counts.computeIfAbsent(topic, (name) -> {
			AtomicLong count = new AtomicLong();
			Gauge.builder("bidstream.reporting.dead-letters", count, AtomicLong::get)
				.description("Messages a dead-letter topic holds")
				.tag("topic", name)
				.register(this.meters);
			return count;
		});
	}

}
