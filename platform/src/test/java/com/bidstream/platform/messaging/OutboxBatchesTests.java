package com.bidstream.platform.messaging;

import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.KafkaException;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxBatchesTests {

	@Test
	void aRecordTheBrokerRefusesForGoodIsPermanentHoweverItIsWrapped() {
		assertThat(OutboxBatches.isPermanent(new RecordTooLargeException("too large"))).isTrue();
		assertThat(OutboxBatches.isPermanent(new KafkaException("send failed", new RecordTooLargeException("x"))))
			.isTrue();
	}

	@Test
	void aBrokerThatIsDownOrSlowIsNotPermanent() {
		assertThat(OutboxBatches.isPermanent(new TimeoutException("expired"))).isFalse();
		assertThat(OutboxBatches.isPermanent(new KafkaException("send failed", new NetworkException("down"))))
			.isFalse();
	}

}
