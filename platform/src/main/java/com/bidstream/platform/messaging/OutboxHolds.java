package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What the relay holds back after the broker could not take it, so that it neither costs
 * every pass a wait nor fills the reads ahead of what can go out: a whole topic whose
 * send timed out (the producer has no metadata for it), or one partition whose events
 * failed (no leader, say). Each is tried again when its retry is due: 1 s after the first
 * failure, then twice as long after each retry that fails again, up to
 * {@code bidstream.messaging.held-topic-retry-max}. A held partition is tried with one
 * event (a probe), whose acknowledgement a pass waits for {@link #PROBE_WAIT} at most.
 * Used by the relay's one thread only.
 */
final class OutboxHolds {

	private static final Logger log = LoggerFactory.getLogger(OutboxHolds.class);

	/**
	 * The wait before the first retry of what is held.
	 */
	static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	/**
	 * How long a pass waits for a probe's acknowledgement once the rest of its batch is
	 * settled: a partition back with a leader answers within it; one still without keeps
	 * the probe, which goes out again at the next retry.
	 */
	static final Duration PROBE_WAIT = Duration.ofSeconds(1);

	private final Clock clock;

	private final BackOff backOff;

	private final ToIntFunction<String> partitions;

	private final Map<Target, Held> held = new HashMap<>();

	/** What is held, by when since: read by the health indicator's thread. */
	private volatile Map<String, Instant> heldSince = Map.of();

	/** Whether a hold ended since {@link #changed()} was last asked. */
	private boolean released;

	/**
	 * @param partitions the partition count of a topic, from the producer's metadata
	 * (asked only of a topic with a held partition, whose metadata the producer has)
	 */
	OutboxHolds(Clock clock, Duration retryMax, ToIntFunction<String> partitions) {
		this.clock = clock;
		ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
		backOff.setMaxInterval(Math.max(FIRST_RETRY.toMillis(), retryMax.toMillis()));
		this.backOff = backOff;
		this.partitions = partitions;
	}

	/**
	 * Whether a hold ended, or the retry of one is due, since the last pass asked: then
	 * the events held may go out, and the pass reads from the cursor again.
	 */
	boolean changed() {
		boolean changed = this.released;
		this.released = false;
		Instant now = this.clock.instant();
		for (Held held : this.held.values()) {
			changed |= !held.retryAt().isAfter(now);
		}
		return changed;
	}

	/**
	 * What is held (a topic, or a topic's partition as {@code topic-partition}), by when
	 * since, and why.
	 */
	Map<String, Instant> heldSince() {
		return this.heldSince;
	}

	/**
	 * What one pass sends of what it read.
	 */
	Pass pass() {
		return new Pass();
	}

	/**
	 * A topic whose send timed out: held, its events kept.
	 */
	void topicTimedOut(String topic, String reason) {
		hold(new Target(topic, -1), reason, "its events wait in the outbox while the other topics' go out");
	}

	private void hold(Target target, String reason, String consequence) {
		Held before = this.held.get(target);
		BackOffExecution retries = (before != null) ? before.retries() : this.backOff.start();
		Duration wait = Duration.ofMillis(retries.nextBackOff());
		Instant now = this.clock.instant();
		this.held.put(target, new Held(retries, now.plus(wait), reason, (before != null) ? before.since() : now));
		log.warn("Cannot publish to {} ({}); {}; next try in {} s", target, reason, consequence, wait.toSeconds());
		publishSince();
	}

	private void release(Target target) {
		if (this.held.remove(target) != null) {
			this.released = true;
			log.info("Publishing to {} again", target);
			publishSince();
		}
	}

	private void publishSince() {
		this.heldSince = this.held.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap((entry) -> entry.getKey().toString(),
					(entry) -> entry.getValue().since()));
	}

	private boolean anyPartitionHeld(String topic) {
		for (Target target : this.held.keySet()) {
			if (target.partition() >= 0 && target.topic().equals(topic)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The partition the producer puts a keyed event in (its default partitioner), or -1
	 * when it cannot be told (the producer's metadata gave no partition count).
	 */
	private int partitionOf(OutboxRow row, Map<String, Integer> counts) {
		if (row.key() == null) {
			return -1;
		}
		int count = counts.computeIfAbsent(row.topic(), (topic) -> {
			try {
				return this.partitions.applyAsInt(topic);
			}
			catch (RuntimeException ex) {
				return 0;
			}
		});
		return (count > 0) ? BuiltInPartitioner.partitionForKey(row.key().getBytes(StandardCharsets.UTF_8), count) : -1;
	}

	/**
	 * A topic, or one partition of it ({@code partition} -1: the whole topic).
	 */
	record Target(String topic, int partition) {

		@Override
		public String toString() {
			return (this.partition < 0) ? this.topic : this.topic + "-" + this.partition;
		}

	}

	private record Held(BackOffExecution retries, Instant retryAt, String reason, Instant since) {

	}

	/**
	 * One pass's view: which of its events are held, which probe a held partition whose
	 * retry is due (one each), and which failed, each partition's retry put off once.
	 */
	final class Pass {

		private final Instant now = OutboxHolds.this.clock.instant();

		private final Map<String, Integer> counts = new HashMap<>();

		private final Set<Target> probed = new HashSet<>();

		private final Set<Target> failed = new HashSet<>();

		/**
		 * What to do with an event the pass read (and that is the first of its key).
		 */
		Admission admit(OutboxRow row) {
			if (OutboxHolds.this.held.isEmpty()) {
				return Admission.SEND;
			}
			Target target = new Target(row.topic(), -1);
			Held held = OutboxHolds.this.held.get(target);
			if (held == null && anyPartitionHeld(row.topic())) {
				target = new Target(row.topic(), partitionOf(row, this.counts));
				held = OutboxHolds.this.held.get(target);
			}
			if (held == null) {
				return Admission.SEND;
			}
			if (held.retryAt().isAfter(this.now) || !this.probed.add(target)) {
				return Admission.HOLD;
			}
			return Admission.PROBE;
		}

		/**
		 * An event the broker acknowledged: what held its topic or its partition is
		 * released.
		 */
		void published(OutboxRow row) {
			if (OutboxHolds.this.held.isEmpty()) {
				return;
			}
			release(new Target(row.topic(), -1));
			if (anyPartitionHeld(row.topic())) {
				release(new Target(row.topic(), partitionOf(row, this.counts)));
			}
		}

		/**
		 * An event the broker could not take for now: its partition is held, its retry
		 * put off once per pass however many of its events failed.
		 * @return whether it is held now (false when its partition cannot be told)
		 */
		boolean failed(OutboxRow row, String reason) {
			int partition = partitionOf(row, this.counts);
			if (partition < 0) {
				return false;
			}
			Target target = new Target(row.topic(), partition);
			if (this.failed.add(target)) {
				hold(target, reason, "its events wait in the outbox while the other partitions' go out");
			}
			return true;
		}

	}

	enum Admission {

		/** Sent as usual. */
		SEND,

		/** Sent as the one try of a held partition whose retry is due. */
		PROBE,

		/** Kept in the outbox, not sent. */
		HOLD

	}

}
