package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * {@code bidstream.messaging.hold-retry-max}. A retry sends one event of what is held (a
 * probe), whose acknowledgement a pass waits for {@link #PROBE_WAIT} at most. Used by the
 * relay's one thread only; {@link #heldSince()} by any.
 */
final class OutboxHolds {

	private static final Logger log = LoggerFactory.getLogger(OutboxHolds.class);

	/**
	 * The wait before the first retry of what is held.
	 */
	static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	/**
	 * How long a pass waits for its probes' acknowledgements once the rest of its batch
	 * is settled: a partition back with a leader answers within it; one still without
	 * keeps the probe, which goes out again at the next retry.
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
	 * What the passes since the last change ({@link #changed()}) read events of, each
	 * pass reading on from where the one before stopped: a topic or partition held.
	 */
	private final Set<Target> seen = new HashSet<>();

	/**
	 * Topics whose events the passes since the last change matched to the topic's hold,
	 * or could not match to a partition: their partitions' holds may have had events.
	 */
	private final Set<String> unsure = new HashSet<>();

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
	 * Whether anything is held: then a pass reads further, to look past held events.
	 */
	boolean any() {
		return !this.held.isEmpty();
	}

	/**
	 * Whether a hold ended, or the retry of one came due, since the last pass asked: then
	 * the events held may go out, and the pass reads from the cursor again. A retry that
	 * came due is told once; from then on a pass probes it with the first of its events
	 * it reads.
	 */
	boolean changed() {
		boolean changed = this.released;
		this.released = false;
		Instant now = this.clock.instant();
		for (Map.Entry<Target, Held> entry : this.held.entrySet()) {
			Held held = entry.getValue();
			if (!held.due() && !held.retryAt().isAfter(now)) {
				entry.setValue(new Held(held.retries(), held.retryAt(), held.reason(), held.since(), true));
				changed = true;
			}
		}
		if (changed) {
			this.seen.clear();
			this.unsure.clear();
		}
		return changed;
	}

	/**
	 * Another instance holds the relay: what this one holds is tried again as soon as it
	 * holds the relay again, as the other may have published it meanwhile.
	 */
	void retryAllNow() {
		// what this instance saw of the outbox is stale too
		this.released = true;
		Instant now = this.clock.instant();
		this.held.replaceAll((target, held) -> held.due() || !held.retryAt().isAfter(now) ? held
				: new Held(held.retries(), now, held.reason(), held.since(), false));
	}

	/**
	 * After a pass whose read was complete (every event from where it started looked at):
	 * the passes since the last change read every event from the cursor on, so a due hold
	 * none of whose events they read is released, as nothing of it is left to publish
	 * (another instance published it, or it was set aside for good).
	 */
	void releaseUnseen() {
		List<Target> unseen = this.held.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().due() && !this.seen.contains(entry.getKey()))
			// a partition of a topic some of whose events could not be matched to it
			.filter((entry) -> entry.getKey().partition() < 0 || !this.unsure.contains(entry.getKey().topic()))
			.map(Map.Entry::getKey)
			.toList();
		unseen.forEach((target) -> release(target, "Nothing left to publish to"));
	}

	/**
	 * What is held (a topic, or a topic's partition as {@code topic-partition}), by when
	 * since.
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

	private void hold(Target target, String reason) {
		Held before = this.held.get(target);
		BackOffExecution retries = (before != null) ? before.retries() : this.backOff.start();
		Duration wait = Duration.ofMillis(retries.nextBackOff());
		Instant now = this.clock.instant();
		this.held.put(target,
				new Held(retries, now.plus(wait), reason, (before != null) ? before.since() : now, false));
		log.warn("Cannot publish to {} ({}); its events wait in the outbox while the others go out; next try in {} s",
				target, reason, wait.toSeconds());
		publishSince();
	}

	private void release(Target target, String why) {
		if (this.held.remove(target) != null) {
			this.released = true;
			log.info("{} {}", why, target);
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

	/**
	 * @param due whether its retry came due and was told ({@link #changed()}): the next
	 * of its events a pass reads is its probe
	 */
	private record Held(BackOffExecution retries, Instant retryAt, String reason, Instant since, boolean due) {

	}

	/**
	 * One pass's view: which of its events are held, which probe a held topic or
	 * partition whose retry is due (one each), and which failed, each hold's retry put
	 * off once per pass.
	 */
	final class Pass {

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
			if (held != null) {
				OutboxHolds.this.unsure.add(row.topic());
			}
			else if (anyPartitionHeld(row.topic())) {
				int partition = partitionOf(row, this.counts);
				if (partition < 0) {
					// a partition of its topic is held, and which one is this event's
					// cannot be told: kept, so that no key goes out of order, and read
					// again next pass
					OutboxHolds.this.unsure.add(row.topic());
					return Admission.WAIT;
				}
				target = new Target(row.topic(), partition);
				held = OutboxHolds.this.held.get(target);
			}
			if (held == null) {
				return Admission.SEND;
			}
			OutboxHolds.this.seen.add(target);
			return (held.due() && this.probed.add(target)) ? Admission.PROBE : Admission.HOLD;
		}

		/**
		 * A topic whose send timed out in {@code send}: held, or held longer.
		 */
		void timedOut(String topic, String reason) {
			Target target = new Target(topic, -1);
			if (this.failed.add(target)) {
				hold(target, reason);
			}
		}

		/**
		 * An event the broker acknowledged, or refused for good: what held its topic or
		 * its partition is released, unless it failed in this pass too (its buffer full,
		 * say, after this event was taken).
		 */
		void published(OutboxRow row) {
			if (OutboxHolds.this.held.isEmpty()) {
				return;
			}
			Target topic = new Target(row.topic(), -1);
			if (!this.failed.contains(topic)) {
				release(topic, "Publishing again to");
			}
			if (anyPartitionHeld(row.topic())) {
				Target partition = new Target(row.topic(), partitionOf(row, this.counts));
				if (!this.failed.contains(partition)) {
					release(partition, "Publishing again to");
				}
			}
		}

		/**
		 * An event the broker could not take for now: its topic, when the topic is held
		 * (its probe failed), or else its partition, is held, its retry put off once per
		 * pass however many of its events failed.
		 * @return whether it is held now (false when its partition cannot be told)
		 */
		boolean failed(OutboxRow row, String reason) {
			Target topic = new Target(row.topic(), -1);
			if (this.failed.contains(topic)) {
				// timed out in send in this pass: the topic is held
				return true;
			}
			int partition = partitionOf(row, this.counts);
			if (partition < 0) {
				if (!OutboxHolds.this.held.containsKey(topic)) {
					return false;
				}
				// a probe of a held topic whose partition cannot be told: the topic stays
				// held, its retry put off
				this.failed.add(topic);
				hold(topic, reason);
				return true;
			}
			Target target = new Target(row.topic(), partition);
			Held topicHeld = OutboxHolds.this.held.remove(topic);
			if (topicHeld != null) {
				// a probe of a held topic got past its metadata: what fails now is its
				// partition, which keeps the topic's retries; the other partitions go on
				OutboxHolds.this.held.putIfAbsent(target, topicHeld);
				OutboxHolds.this.released = true;
			}
			if (this.failed.add(target)) {
				hold(target, reason);
			}
			return true;
		}

	}

	enum Admission {

		/** Sent as usual. */
		SEND,

		/** Sent as the one try of a held topic or partition whose retry is due. */
		PROBE,

		/** Kept in the outbox, not sent. */
		HOLD,

		/**
		 * Kept in the outbox, not sent, and read again by the next pass: its partition
		 * cannot be told while one of its topic's is held.
		 */
		WAIT

	}

}
