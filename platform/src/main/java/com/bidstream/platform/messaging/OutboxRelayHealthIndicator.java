package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code outboxRelay} in {@code /actuator/health}: DOWN when the relay's thread is dead,
 * or when events are pending and no pass has completed for longer than
 * {@code bidstream.messaging.relay-stall-timeout} (the broker has been unreachable that
 * long, or a pass hangs), or when a topic or partition has been held that long
 * ({@link OutboxHolds}: Kafka cannot take its events, while the others' go out). An idle
 * relay with an empty outbox is UP however long ago its last pass was. DOWN too when the
 * outbox cannot be read (the database is out of reach).
 * <p>
 * While the relay passes well (its last pass completed within the stall timeout and none
 * has failed since), nothing here can be DOWN for the outbox, so health reads nothing:
 * its details are the backlog's last sample ({@link OutboxBacklog}, every 10 s), when
 * there is one. Otherwise it probes the first event waiting
 * ({@link OutboxBacklog#oldest()}) to judge.
 */
public class OutboxRelayHealthIndicator implements HealthIndicator {

	private final OutboxRelay relay;

	private final OutboxBacklog backlog;

	private final Duration stallTimeout;

	private final Clock clock;

	public OutboxRelayHealthIndicator(OutboxRelay relay, OutboxBacklog backlog, Duration stallTimeout, Clock clock) {
		this.relay = relay;
		this.backlog = backlog;
		this.stallTimeout = stallTimeout;
		this.clock = clock;
	}

	@Override
	public Health health() {
		OutboxRelay.State state = this.relay.state();
		Health.Builder health;
		Optional<OutboxBacklog.Sample> sampled = this.backlog.sampled();
		if (passingWell(state)) {
			// pending or not, passes that complete are not a stall
			health = judge(state, false);
			sampled.ifPresent((last) -> health.withDetail("pending", last.pending())
				.withDetail("oldestAgeSeconds", last.oldestAge().toSeconds()));
		}
		else {
			Optional<Duration> oldest;
			try {
				oldest = this.backlog.oldest();
			}
			catch (RuntimeException ex) {
				// the outbox lives in the service's database: out of reach, the relay
				// cannot
				// work
				return Health.down().withDetail("outbox", "cannot be read: " + ex.getClass().getSimpleName()).build();
			}
			health = judge(state, oldest.isPresent());
			sampled.ifPresent((last) -> health.withDetail("pending", last.pending()));
			health.withDetail("oldestAgeSeconds", oldest.orElse(Duration.ZERO).toSeconds());
		}
		if (state.lastPass() != null) {
			health.withDetail("lastPass", state.lastPass().toString());
		}
		if (state.lastFailure() != null) {
			health.withDetail("lastFailure", state.lastFailure());
		}
		if (!state.heldSince().isEmpty()) {
			health.withDetail("heldSince", new TreeMap<>(state.heldSince()));
		}
		return health.build();
	}

	/**
	 * The relay runs, its last pass completed within the stall timeout and none has
	 * failed since.
	 */
	private boolean passingWell(OutboxRelay.State state) {
		return state.running() && state.alive() && state.lastFailure() == null && state.lastPass() != null
				&& !state.lastPass().plus(this.stallTimeout).isBefore(Instant.now(this.clock));
	}

	private Health.Builder judge(OutboxRelay.State state, boolean pending) {
		if (!state.running()) {
			return Health.unknown().withDetail("relay", "not started");
		}
		if (!state.alive()) {
			return Health.down().withDetail("relay", "thread ended");
		}
		if (pending && state.lastPass() != null
				&& state.lastPass().plus(this.stallTimeout).isBefore(Instant.now(this.clock))) {
			return Health.down().withDetail("relay", "no pass completed for over " + this.stallTimeout);
		}
		Instant heldTooLong = Instant.now(this.clock).minus(this.stallTimeout);
		String stuck = state.heldSince()
			.entrySet()
			.stream()
			.filter((held) -> held.getValue().isBefore(heldTooLong))
			.map(Map.Entry::getKey)
			.sorted()
			.collect(Collectors.joining(", "));
		if (!stuck.isEmpty()) {
			return Health.down().withDetail("relay", "cannot publish to " + stuck + " for over " + this.stallTimeout);
		}
		return Health.up();
	}

}
