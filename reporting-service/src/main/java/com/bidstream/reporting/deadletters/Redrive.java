package com.bidstream.reporting.deadletters;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The message a redrive publishes: the dead letter's original key and value, to its
 * original topic, with the headers it carried when it first failed ({@code eventId},
 * {@code type}, ...) but none of the dead-letter ones ({@code kafka_*},
 * {@code x-original-*}, {@code x-exception-*}), and an {@code x-redriven-from} header
 * naming the dead letter. The key places it on the partition its key always goes to.
 */
final class Redrive {

	static final String REDRIVEN_FROM = "x-redriven-from";

	private Redrive() {
	}

	/**
	 * The record to publish, or null when the dead letter does not tell its original
	 * topic.
	 */
	static ProducerRecord<byte[], byte[]> of(ConsumerRecord<byte[], byte[]> deadLetter) {
		String originalTopic = DeadLetterRecords.originalTopic(deadLetter);
		if (originalTopic == null) {
			return null;
		}
		RecordHeaders headers = new RecordHeaders();
		for (Header header : deadLetter.headers()) {
			if (isSafe(header.key())) {
				headers.add(header);
			}
		}
		headers.add(REDRIVEN_FROM, DeadLetterRecords.id(deadLetter).getBytes(StandardCharsets.UTF_8));
		return new ProducerRecord<>(originalTopic, null, deadLetter.key(), deadLetter.value(), headers);
	}

	static boolean isSafe(String header) {
		return !header.startsWith("kafka_") && !header.startsWith("x-original-") && !header.startsWith("x-exception-")
				&& !header.equals(REDRIVEN_FROM);
	}

}
