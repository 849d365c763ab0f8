package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
		given(relay.state()).willReturn(new OutboxRelay.State(true, true, Instant.now(), null, Map.of()));
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

	/**
	 * Passes complete while another topic's events go out, so the relay looks busy: a
	 * topic or partition held for longer than the stall timeout turns it DOWN all the
	 * same, and one held for less shows in the details.
	 */
	@Test
	void aTopicOrPartitionHeldLongerThanTheStallTimeoutIsDownThoughPassesComplete() {
		Instant now = Instant.parse("2026-01-01T00:10:00Z");
		OutboxRelay relay = mock(OutboxRelay.class);
		OutboxBacklog backlog = new OutboxBacklog(null, new SimpleMeterRegistry()) {
			@Override
			long pending() {
				return 3;
			}

			@Override
			Duration oldestAge() {
				return Duration.ofMinutes(3);
			}
		};
		var indicator = new OutboxRelayHealthIndicator(relay, backlog, Duration.ofMinutes(2),
				Clock.fixed(now, java.time.ZoneOffset.UTC));

		given(relay.state()).willReturn(
				new OutboxRelay.State(true, true, now, null, Map.of("listings.ingested-1", now.minusSeconds(60))));
		var held = indicator.health();
		given(relay.state()).willReturn(new OutboxRelay.State(true, true, now, null,
				Map.of("listings.ingested-1", now.minusSeconds(121), "listings.scored", now.minusSeconds(30))));
		var heldTooLong = indicator.health();

		assertThat(held.getStatus()).isEqualTo(Status.UP);
		assertThat(held.getDetails()).containsKey("heldSince");
		assertThat(heldTooLong.getStatus()).isEqualTo(Status.DOWN);
		assertThat(heldTooLong.getDetails()).containsEntry("relay",
				"cannot publish to listings.ingested-1 for over PT2M");
	}

}
