package com.bidstream.platform.messaging;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBatchesTests {

	@Test
	void aRecordTheBrokerRefusesForGoodIsPermanentHoweverItIsWrapped() {
		assertThat(OutboxBatches.isPermanent(new RecordTooLargeException("too large"))).isTrue();
		assertThat(OutboxBatches.isPermanent(new KafkaException("send failed", new RecordTooLargeException("x"))))
			.isTrue();
	}

	/**
	 * What the relay's pass relies on to stop sending a topic's events: a real producer
	 * with no metadata for the topic (nothing listens at its address) fails the send by
	 * the time {@code send} returns, with Kafka's timeout.
	 */
	@Test
	void aRealProducerWithoutMetadataForTheTopicHasFailedTheSendWhenSendReturns() {
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 300),
				new StringSerializer(), new ByteArraySerializer());
		try {
			KafkaTemplate<String, byte[]> kafka = new KafkaTemplate<>(producers);

			CompletableFuture<?> ack = OutboxBatches.send(kafka,
					new ProducerRecord<>("listings.ingested", "k", new byte[] { 1 }));

			assertThat(OutboxBatches.timedOutInSend(ack)).isTrue();
			assertThat(OutboxBatches.timedOutInSend(CompletableFuture.completedFuture(null))).isFalse();
			assertThat(OutboxBatches.timedOutInSend(new CompletableFuture<>())).isFalse();
			assertThat(OutboxBatches.timedOutInSend(CompletableFuture.failedFuture(new RecordTooLargeException("x"))))
				.isFalse();
		}
		finally {
			producers.destroy();
		}
	}

	@Test
	void aBrokerThatIsDownOrSlowIsNotPermanent() {
		assertThat(OutboxBatches.isPermanent(new TimeoutException("expired"))).isFalse();
		assertThat(OutboxBatches.isPermanent(new KafkaException("send failed", new NetworkException("down"))))
			.isFalse();
	}

}
