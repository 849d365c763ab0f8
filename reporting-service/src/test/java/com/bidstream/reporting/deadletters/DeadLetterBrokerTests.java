package com.bidstream.reporting.deadletters;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeadLetterBrokerTests {

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void aBrokerThatIsDownFailsTheCallInsteadOfHangingIt() throws IOException {
		KafkaProperties kafka = new KafkaProperties();
		kafka.setBootstrapServers(List.of("localhost:" + closedPort()));
		DeadLetterBroker broker = new DeadLetterBroker(kafka, Duration.ofMillis(500));
		try {
			assertThatThrownBy(() -> broker.ranges((topic) -> true)).isInstanceOf(BrokerUnavailableException.class);
			assertThatThrownBy(() -> new DeadLetterReader(broker).read(
					java.util.Map.of(new org.apache.kafka.common.TopicPartition("error.x.y", 0), new OffsetRange(0, 3)),
					(record) -> {
					}))
				.isInstanceOf(BrokerUnavailableException.class);
		}
		finally {
			broker.destroy();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
