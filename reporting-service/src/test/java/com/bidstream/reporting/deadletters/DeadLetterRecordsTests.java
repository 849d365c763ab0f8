package com.bidstream.reporting.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterRecordsTests {

	private static final Instant AT = Instant.parse("2026-11-20T10:15:30Z");

	@Test
	void readsThePlatformsHeadersAsTheRecovererWritesThem() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("x-original-topic", bytes("listings.ingested"));
		headers.add("x-original-partition", ByteBuffer.allocate(4).putInt(2).array());
		headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(17).array());
		headers.add("x-exception-message", bytes("Unreadable ListingIngested"));

		DeadLetter letter = DeadLetterRecords.describe(record("error.listings.ingested.scoring", headers, "{}"));

		assertThat(letter)
			.isEqualTo(new DeadLetter("error.listings.ingested.scoring:1:5", "error.listings.ingested.scoring",
					"listings.ingested", 2, 17L, AT, "Unreadable ListingIngested", "demo|upwork:~1", "{}", null, 0));
	}

	@Test
	void fallsBackToSpringKafkasDeadLetterHeaders() {
		RecordHeaders headers = new RecordHeaders();
		headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes("pursuits.events"));
		headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(0).array());
		headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(99).array());
		headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes("boom"));

		DeadLetter letter = DeadLetterRecords.describe(record("error.pursuits.events.reporting", headers, "{}"));

		assertThat(letter.originalTopic()).isEqualTo("pursuits.events");
		assertThat(letter.originalPartition()).isZero();
		assertThat(letter.originalOffset()).isEqualTo(99L);
		assertThat(letter.reason()).isEqualTo("boom");
	}

	@Test
	void garbledOrMissingHeadersReadAsNullAndTheOriginalTopicComesFromTheTopicsName() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("x-original-topic", bytes("__consumer_offsets"));
		headers.add("x-original-partition", new byte[] { 1, 2, 3 });
		headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(-5).array());
		headers.add("x-exception-message", null);

		DeadLetter letter = DeadLetterRecords.describe(record("error.listings.scored.tracking", headers, null));

		assertThat(letter.originalTopic()).as("a header naming another topic is not trusted")
			.isEqualTo("listings.scored");
		assertThat(letter.originalPartition()).isNull();
		assertThat(letter.originalOffset()).isNull();
		assertThat(letter.reason()).isNull();
		assertThat(letter.payload()).isNull();
	}

	@Test
	void aTopicOutsideTheContractIsNotGuessed() {
		DeadLetter letter = DeadLetterRecords.describe(record("error.something", new RecordHeaders(), "x"));

		assertThat(letter.originalTopic()).isNull();
	}

	@Test
	void numbersWrittenAsTextAreRead() {
		assertThat(DeadLetterRecords.number(bytes("42"))).isEqualTo(42L);
		assertThat(DeadLetterRecords.number(bytes("4x"))).isNull();
	}

	@Test
	void invalidUtf8IsReplacedAndLongTextIsCutAtTenThousandCharacters() {
		byte[] invalid = { 'o', 'k', (byte) 0xFF, (byte) 0xC3 };
		String emoji = "\uD83D\uDE00";

		assertThat(DeadLetterRecords.text(invalid)).isEqualTo("ok\uFFFD\uFFFD");
		assertThat(DeadLetterRecords.text(bytes("a".repeat(12_000)))).hasSize(10_000);
		assertThat(DeadLetterRecords.text(bytes("a".repeat(9_999) + emoji))).as("not between a surrogate pair")
			.isEqualTo("a".repeat(9_999));
	}

	@Test
	void idsReadBackAndOnlyErrorTopicsQualify() {
		assertThat(DeadLetterId.parse("error.listings.ingested.scoring:0:17"))
			.contains(new DeadLetterId("error.listings.ingested.scoring", 0, 17));
		assertThat(DeadLetterId.parse("listings.ingested:0:17")).isEmpty();
		assertThat(DeadLetterId.parse("error.x:0")).isEmpty();
		assertThat(DeadLetterId.parse("error.x:-1:3")).isEmpty();
		assertThat(DeadLetterId.parse(null)).isEqualTo(Optional.empty());
		assertThat(DeadLetterId.isErrorTopic("error.a b")).isFalse();
	}

	static ConsumerRecord<byte[], byte[]> record(String topic, RecordHeaders headers, String value) {
		return new ConsumerRecord<>(topic, 1, 5, AT.toEpochMilli(), TimestampType.CREATE_TIME, 14,
				(value != null) ? value.length() : -1, bytes("demo|upwork:~1"), (value != null) ? bytes(value) : null,
				headers, Optional.empty());
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
