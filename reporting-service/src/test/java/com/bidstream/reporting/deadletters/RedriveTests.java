package com.bidstream.reporting.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.support.KafkaHeaders;

import static com.bidstream.reporting.deadletters.DeadLetterRecordsTests.bytes;
import static com.bidstream.reporting.deadletters.DeadLetterRecordsTests.record;
import static org.assertj.core.api.Assertions.assertThat;

class RedriveTests {

	@Test
	void publishesTheOriginalKeyAndValueToTheOriginalTopicWithoutTheDeadLetterHeaders() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("eventId", bytes("6b1f0b6e-8f0e-4a57-9d3c-2f1f4d1b2a10"));
		headers.add("type", bytes("ListingIngested"));
		headers.add("x-original-topic", bytes("listings.ingested"));
		headers.add("x-original-offset", ByteBuffer.allocate(8).putLong(17).array());
		headers.add("x-exception-message", bytes("boom"));
		headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, bytes("at ..."));
		headers.add(Redrive.REDRIVEN_FROM, bytes("error.listings.ingested.reporting:0:1"));

		ProducerRecord<byte[], byte[]> redrive = Redrive.of(record("error.listings.ingested.reporting", headers, "{}"));

		assertThat(redrive.topic()).isEqualTo("listings.ingested");
		assertThat(redrive.partition()).isNull();
		assertThat(new String(redrive.key(), StandardCharsets.UTF_8)).isEqualTo("demo|upwork:~1");
		assertThat(new String(redrive.value(), StandardCharsets.UTF_8)).isEqualTo("{}");
		assertThat(redrive.headers().toArray()).extracting(Header::key)
			.containsExactly("eventId", "type", Redrive.REDRIVEN_FROM);
		assertThat(new String(redrive.headers().lastHeader(Redrive.REDRIVEN_FROM).value(), StandardCharsets.UTF_8))
			.isEqualTo("error.listings.ingested.reporting:1:5");
	}

	@Test
	void aDeadLetterWhoseOriginalTopicCannotBeToldIsNotRedriven() {
		assertThat(Redrive.of(record("error.elsewhere", new RecordHeaders(), "{}"))).isNull();
	}

}
