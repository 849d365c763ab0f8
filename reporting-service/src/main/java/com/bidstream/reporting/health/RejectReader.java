package com.bidstream.reporting.health;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import com.bidstream.platform.messaging.DeadLetterReasons;

/**
 * Reads the newest dead letters with a short-lived consumer of no group: each
 * {@code error.*} partition is sought to {@code perPartition} records before its end and
 * read to the end, within {@code budget}. The reason is the {@code x-exception-message}
 * header that the platform's {@code ConsumerErrorHandling} writes.
 */
class RejectReader {

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final int perPartition;

	private final Duration budget;

	RejectReader(Supplier<Consumer<byte[], byte[]>> consumers, int perPartition, Duration budget) {
		this.consumers = consumers;
		this.perPartition = perPartition;
		this.budget = budget;
	}

	/**
	 * The newest dead letters of the given partitions (with their end offsets), newest
	 * first.
	 */
	List<Reject> newest(Map<TopicPartition, Long> ends) {
		Map<TopicPartition, Long> toRead = new HashMap<>();
		ends.forEach((partition, end) -> {
			if (end > 0) {
				toRead.put(partition, end);
			}
		});
		List<Reject> rejects = new ArrayList<>();
		if (toRead.isEmpty()) {
			return rejects;
		}
		try (Consumer<byte[], byte[]> consumer = this.consumers.get()) {
			consumer.assign(toRead.keySet());
			toRead.forEach((partition, end) -> consumer.seek(partition, Math.max(0, end - this.perPartition)));
			long deadline = System.nanoTime() + this.budget.toNanos();
			while (!toRead.isEmpty() && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					rejects.add(reject(record));
				}
				toRead.entrySet().removeIf((entry) -> consumer.position(entry.getKey()) >= entry.getValue());
			}
		}
		rejects.sort(Comparator.comparing(Reject::at).reversed());
		return rejects;
	}

	private static Reject reject(ConsumerRecord<byte[], byte[]> record) {
		String topic = record.topic();
		String stage = topic.substring(topic.lastIndexOf('.') + 1);
		Header reason = record.headers().lastHeader("x-exception-message");
		return new Reject(Instant.ofEpochMilli(record.timestamp()), stage, (reason != null)
				? DeadLetterReasons.scrub(new String(reason.value(), StandardCharsets.UTF_8)) : "no reason recorded",
				agencyOf(record.key()));
	}

	/** The agency of a {@code agencyId|jobKey} key, null for any other key. */
	static String agencyOf(byte[] key) {
		if (key == null) {
			return null;
		}
		String text = new String(key, StandardCharsets.UTF_8);
		int bar = text.indexOf('|');
		return (bar > 0) ? text.substring(0, bar) : null;
	}

}
