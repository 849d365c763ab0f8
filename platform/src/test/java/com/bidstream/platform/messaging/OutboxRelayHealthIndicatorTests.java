package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OutboxRelayHealthIndicatorTests {

	@Test
	void anOutboxThatCannotBeReadIsDownNotAnError() {
		OutboxRelay relay = mock(OutboxRelay.class);
		given(relay.state()).willReturn(new OutboxRelay.State(true, true, Instant.now(), null));
		OutboxBacklog unreachable = new OutboxBacklog(null, new SimpleMeterRegistry()) {
			@Override
			long pending() {
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
			}
		};

		var health = new OutboxRelayHealthIndicator(relay, unreachable, Duration.ofMinutes(1), Clock.systemUTC())
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("outbox", "cannot be read: CannotGetJdbcConnectionException");
	}

}
