package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
		long pending;
		Duration oldest;
		try {
			pending = this.backlog.pending();
			oldest = this.backlog.oldestAge();
		}
		catch (RuntimeException ex) {
			// the outbox lives in the service's database: out of reach, the relay cannot
			// work
			return Health.down().withDetail("outbox", "cannot be read: " + ex.getClass().getSimpleName()).build();
		}
		Health.Builder health = judge(state, pending).withDetail("pending", pending)
			.withDetail("oldestAgeSeconds", oldest.toSeconds());
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

	private Health.Builder judge(OutboxRelay.State state, long pending) {
		if (!state.running()) {
			return Health.unknown().withDetail("relay", "not started");
		}
		if (!state.alive()) {
			return Health.down().withDetail("relay", "thread ended");
		}
		if (pending > 0 && state.lastPass() != null
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
