package com.bidstream.platform.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Status;

import com.bidstream.platform.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OutboxRelayTests {

	final MovableClock clock = new MovableClock();

	final OutboxBacklog backlog = mock(OutboxBacklog.class);

	final CountDownLatch release = new CountDownLatch(1);

	OutboxRelay relay;

	@AfterEach
	void stopRelay() {
		this.release.countDown();
		if (this.relay != null) {
			this.relay.stop();
		}
	}

	@Test
	void aPassThatThrowsAnErrorDoesNotEndTheRelay() {
		AtomicInteger passes = new AtomicInteger();
		this.relay = new OutboxRelay(() -> {
			int pass = passes.incrementAndGet();
			if (pass == 1) {
				throw new OutOfMemoryError("simulated");
			}
			if (pass == 2) {
				throw new IllegalStateException("broker down");
			}
			return 0;
		}, Duration.ofMillis(5), this.clock);

		this.relay.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() >= 5);
		assertThat(this.relay.state().alive()).isTrue();
		assertThat(this.relay.state().lastFailure()).as("cleared by the passes that completed").isNull();
	}

	@Test
	void healthIsUpWithTheBacklogWhileTheRelayKeepsPassing() {
		given(this.backlog.sampled()).willReturn(Optional.of(new OutboxBacklog.Sample(3, Duration.ofSeconds(7))));
		this.relay = new OutboxRelay(() -> 0, Duration.ofMillis(5), this.clock);
		this.relay.start();

		this.clock.advance(Duration.ofHours(1));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var health = health(Duration.ofMinutes(2));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("pending", 3L)
				.containsEntry("oldestAgeSeconds", 7L)
				.containsEntry("lastPass", this.clock.instant().toString());
		});
	}

	@Test
	void healthIsDownWhenEventsWaitAndNoPassCompletedWithinTheStallTimeout() {
		given(this.backlog.sampled()).willReturn(Optional.of(new OutboxBacklog.Sample(2, Duration.ofMinutes(2))));
		given(this.backlog.oldest()).willReturn(Optional.of(Duration.ofMinutes(3)));
		this.relay = new OutboxRelay(() -> {
			this.release.await();
			return 0;
		}, Duration.ofMillis(5), this.clock);
		this.relay.start();
		assertThat(health(Duration.ofMinutes(2)).getStatus()).isEqualTo(Status.UP);

		this.clock.advance(Duration.ofMinutes(3));

		var health = health(Duration.ofMinutes(2));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("pending", 2L).containsEntry("oldestAgeSeconds", 180L);
	}

	@Test
	void anIdleRelayWithAnEmptyOutboxStaysUp() {
		given(this.backlog.sampled()).willReturn(Optional.of(new OutboxBacklog.Sample(0, Duration.ZERO)));
		given(this.backlog.oldest()).willReturn(Optional.empty());
		this.relay = new OutboxRelay(() -> {
			this.release.await();
			return 0;
		}, Duration.ofMillis(5), this.clock);
		this.relay.start();

		this.clock.advance(Duration.ofHours(1));

		assertThat(health(Duration.ofMinutes(2)).getStatus()).isEqualTo(Status.UP);
	}

	private org.springframework.boot.health.contributor.Health health(Duration stallTimeout) {
		return new OutboxRelayHealthIndicator(this.relay, this.backlog, stallTimeout, this.clock).health();
	}

}
