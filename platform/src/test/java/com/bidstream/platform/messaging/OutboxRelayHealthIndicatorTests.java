package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

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
		given(relay.state())
			.willReturn(new OutboxRelay.State(true, true, Instant.now(), "Failed to obtain JDBC Connection", Map.of()));
		OutboxBacklog unreachable = new OutboxBacklog(null, new SimpleMeterRegistry()) {
			@Override
			Optional<Duration> oldest() {
				throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
			}
		};

		var health = new OutboxRelayHealthIndicator(relay, unreachable, Duration.ofMinutes(1), Clock.systemUTC())
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("outbox", "cannot be read: CannotGetJdbcConnectionException");
	}

	/**
	 * Health is asked every 10 s by the health log and by every caller. While the relay's
	 * passes complete, it reads nothing (a pass just read the outbox) and shows the
	 * backlog's last sample; once they stop, it probes the first event waiting, never a
	 * count.
	 */
	@Test
	void healthReadsTheOutboxOnlyWhenTheRelayIsNotPassingAndNeverCountsIt() {
		Instant now = Instant.parse("2026-01-01T00:10:00Z");
		OutboxRelay relay = mock(OutboxRelay.class);
		AtomicInteger probes = new AtomicInteger();
		OutboxBacklog backlog = new OutboxBacklog(null, new SimpleMeterRegistry()) {
			@Override
			Sample read() {
				throw new AssertionError("health counted the outbox");
			}

			@Override
			Optional<Sample> sampled() {
				return Optional.of(new Sample(12, Duration.ofSeconds(4)));
			}

			@Override
			Optional<Duration> oldest() {
				probes.incrementAndGet();
				return Optional.of(Duration.ofMinutes(5));
			}
		};
		var indicator = new OutboxRelayHealthIndicator(relay, backlog, Duration.ofMinutes(2),
				Clock.fixed(now, java.time.ZoneOffset.UTC));

		given(relay.state()).willReturn(new OutboxRelay.State(true, true, now.minusSeconds(1), null, Map.of()));
		var passing = indicator.health();
		int probesWhilePassing = probes.get();
		given(relay.state())
			.willReturn(new OutboxRelay.State(true, true, now.minusSeconds(1), "broker down", Map.of()));
		var failing = indicator.health();
		given(relay.state()).willReturn(new OutboxRelay.State(true, true, now.minusSeconds(121), null, Map.of()));
		var stalled = indicator.health();

		assertThat(probesWhilePassing).isZero();
		assertThat(passing.getStatus()).isEqualTo(Status.UP);
		assertThat(passing.getDetails()).containsEntry("pending", 12L).containsEntry("oldestAgeSeconds", 4L);
		assertThat(probes).hasValue(2);
		assertThat(failing.getStatus()).isEqualTo(Status.UP);
		assertThat(failing.getDetails()).containsEntry("oldestAgeSeconds", 300L)
			.containsEntry("lastFailure", "broker down");
		assertThat(stalled.getStatus()).isEqualTo(Status.DOWN);
		assertThat(stalled.getDetails()).containsEntry("pending", 12L).containsEntry("oldestAgeSeconds", 300L);
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
			Optional<Duration> oldest() {
				return Optional.of(Duration.ofMinutes(3));
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
