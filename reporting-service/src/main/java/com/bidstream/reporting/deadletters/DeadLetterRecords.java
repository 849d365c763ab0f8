package com.bidstream.reporting.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.springframework.kafka.support.KafkaHeaders;

import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.DeadLetterReasons;

/**
 * Reads what a dead letter says about itself, from the headers the platform's
 * {@code ConsumerErrorHandling} writes ({@code x-original-topic}, {@code -partition},
 * {@code -offset}, {@code x-exception-message}), falling back to Spring Kafka's own
 * {@code kafka_dlt-*} headers. Any header may be missing or garbled (a message written by
 * hand, another producer): such a value reads as null, never as an error.
 */
final class DeadLetterRecords {

	static final int MAX_TEXT = 10_000;

	private DeadLetterRecords() {
	}

	static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		Headers headers = record.headers();
		String reason = text(value(headers, "x-exception-message", KafkaHeaders.DLT_EXCEPTION_MESSAGE));
		if (reason == null) {
			reason = text(value(headers, KafkaHeaders.DLT_EXCEPTION_FQCN, null));
		}
		// no internal class names, whoever wrote it
		reason = DeadLetterReasons.scrub(reason);
		Instant at = (record.timestamp() >= 0) ? Instant.ofEpochMilli(record.timestamp()) : null;
		return new DeadLetter(id(record), record.topic(), originalTopic(record), originalPartition(headers),
				originalOffset(headers), at, reason, text(record.key()), text(record.value()), null, 0);
	}

	static String id(ConsumerRecord<?, ?> record) {
		return new DeadLetterId(record.topic(), record.partition(), record.offset()).toString();
	}

	/**
	 * The topic the message failed on: its header when that agrees with the dead-letter
	 * topic's name ({@code error.<topic>.<group>}), else the contract topic the name
	 * starts with, else null. A header naming any other topic is not trusted: a redrive
	 * must not publish where the name says nothing failed.
	 */
	static String originalTopic(ConsumerRecord<?, ?> record) {
		String named = text(value(record.headers(), "x-original-topic", KafkaHeaders.DLT_ORIGINAL_TOPIC));
		if (named != null && !named.isEmpty() && !named.startsWith("error.")
				&& record.topic().startsWith("error." + named + ".") && named.matches("[a-zA-Z0-9._-]+")) {
			return named;
		}
		for (String topic : Topics.ALL) {
			if (record.topic().startsWith("error." + topic + ".")) {
				return topic;
			}
		}
		return null;
	}

	static Integer originalPartition(Headers headers) {
		Long number = number(value(headers, "x-original-partition", KafkaHeaders.DLT_ORIGINAL_PARTITION));
		return (number != null && number <= Integer.MAX_VALUE) ? number.intValue() : null;
	}

	static Long originalOffset(Headers headers) {
		return number(value(headers, "x-original-offset", KafkaHeaders.DLT_ORIGINAL_OFFSET));
	}

	/**
	 * A non-negative number written as 4 or 8 big-endian bytes, as Spring Kafka and the
	 * platform write them, or as decimal text; null otherwise.
	 */
	static Long number(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		long number;
		if (bytes.length == Integer.BYTES) {
			number = ByteBuffer.wrap(bytes).getInt();
		}
		else if (bytes.length == Long.BYTES) {
			number = ByteBuffer.wrap(bytes).getLong();
		}
		else {
			String digits = new String(bytes, StandardCharsets.US_ASCII).strip();
			if (!digits.matches("\\d{1,18}")) {
				return null;
			}
			number = Long.parseLong(digits);
		}
		return (number >= 0) ? number : null;
	}

	/**
	 * UTF-8 text with invalid bytes replaced by U+FFFD, cut at {@link #MAX_TEXT}
	 * characters (never between the two halves of a surrogate pair).
	 */
	static String text(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		// String decoding replaces malformed input rather than failing
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.length() <= MAX_TEXT) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(MAX_TEXT - 1)) ? MAX_TEXT - 1 : MAX_TEXT;
		return text.substring(0, end);
	}

	/**
	 * The last header of that name, or of the fallback name.
	 */
	private static byte[] value(Headers headers, String name, String fallback) {
		Header header = headers.lastHeader(name);
		if ((header == null || header.value() == null) && fallback != null) {
			header = headers.lastHeader(fallback);
		}
		return (header != null) ? header.value() : null;
	}

}
