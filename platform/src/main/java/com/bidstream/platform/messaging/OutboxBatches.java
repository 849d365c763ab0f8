package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One pass of the outbox relay: lock the oldest events, send them, and settle each by
 * what the broker said. A batch is deleted only after the broker acknowledged it
 * ({@code acks=all}), so a crash at any moment publishes an event again rather than
 * losing it; consumers drop the repeat by its {@code eventId}.
 * <p>
 * Only one relay per database publishes at a time: each pass first takes a transaction
 * advisory lock, and a relay of another instance that finds it taken skips its pass.
 * Without it, two instances would lock and send interleaved batches ({@code skip
 * locked}), and two versions of one key could reach the topic in the wrong order.
 * <p>
 * What the broker could not take is held ({@link OutboxHolds}): a topic whose send timed
 * out (the producer has no metadata for it), or a partition whose events failed. Its
 * events are read but not sent, the reads go on past them, the cursor remembers them (so
 * the next pass reads past them) and never moves past them, and one of them is sent as a
 * probe when the retry is due. So the other topics' and partitions' events behind them go
 * out meanwhile.
 */
class OutboxBatches {

	private static final Logger log = LoggerFactory.getLogger(OutboxBatches.class);

	/**
	 * The relay's advisory lock, the same in every service: each service has its own
	 * database, and advisory locks are per database.
	 */
	static final long RELAY_LOCK = 0x6269_6473_6f75_7462L;

	/**
	 * How many times {@code batch-size} events a pass reads while anything is held, to
	 * look past held events for events that can go out.
	 */
	static final int LOOK_PAST = 4;

	private static final String SELECT = """
			select id, topic, msg_key, event_id, event_type, payload from outbox
			where id > ? order by id limit ? for update skip locked""";

	/**
	 * {@link #SELECT} and, in the same statement (one snapshot), the ids the cursor waits
	 * for below where the read starts ({@link OutboxCursor#missingBelow(long)}).
	 */
	private static final String SELECT_WITH_MISSING = """
			select * from (select id, topic, msg_key, event_id, event_type, payload from outbox
			               where id = any(?::bigint[]) for update skip locked) missing
			union all
			select * from (select id, topic, msg_key, event_id, event_type, payload from outbox
			               where id > ? order by id limit ? for update skip locked) scanned
			order by id""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final MessagingProperties properties;

	private final Counter published;

	private final Counter dead;

	private final OutboxCursor cursor;

	private final OutboxHolds holds;

	/** Whether this instance's last pass held the relay. */
	private volatile boolean publishing;

	OutboxBatches(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
			MessagingProperties properties, MeterRegistry meters, Clock clock) {
		this.cursor = new OutboxCursor(clock, properties.outboxSweepEvery());
		this.holds = new OutboxHolds(clock, properties.holdRetryMax(), (topic) -> kafka.partitionsFor(topic).size());
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
		this.published = Counter.builder("bidstream.outbox.published")
			.description("Events the outbox relay published to Kafka")
			.register(meters);
		this.dead = Counter.builder("bidstream.outbox.dead")
			.description("Events the broker refused for good, moved to the outbox_dead table")
			.register(meters);
	}

	/**
	 * Publishes one batch and, in the same transaction that locked it, settles each event
	 * on its own: deletes what the broker acknowledged, moves what it refuses for good to
	 * {@code outbox_dead}, and keeps anything else (a partition unavailable, a timeout)
	 * for the next pass, without holding back the rest of the batch. Events of a held
	 * topic or partition ({@link OutboxHolds}) are kept without being sent.
	 * @return how many events were published or set aside; 0 when none was to be, held
	 * ones aside
	 * @throws IllegalStateException when events were sent and none could be published, so
	 * that the relay backs off
	 */
	int publishBatch() {
		boolean sweep = this.cursor.sweepDue();
		Batch batch = this.transactions.execute((status) -> {
			if (!takeRelayLock()) {
				this.cursor.reset();
				this.holds.retryAllNow();
				this.publishing = false;
				return Batch.EMPTY;
			}
			this.publishing = true;
			Instant oldestOpen = this.cursor.waitsAtAGap() ? oldestOpenTransaction() : null;
			if (this.holds.changed()) {
				this.cursor.forgetHeld();
			}
			OutboxHolds.Pass holding = this.holds.pass();
			long from = sweep ? 0 : this.cursor.scanFrom();
			Read read = read(from, sweep ? List.of() : this.cursor.missingBelow(from), holding);
			List<OutboxRow> rows = read.toSend();
			List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
			Map<String, CompletableFuture<?>> unknownTopics = new HashMap<>();
			for (OutboxRow row : rows) {
				CompletableFuture<?> ack = unknownTopics.get(row.topic());
				if (ack == null) {
					ack = send(row);
					if (timedOutInSend(ack)) {
						unknownTopics.put(row.topic(), ack);
						holding.timedOut(row.topic(), failureOf(ack));
					}
				}
				acks.add(ack);
			}
			if (!rows.isEmpty() && read.probes().isEmpty()) {
				// not with a probe: flush waits for every send to end, a probe to a
				// partition without a leader for the whole delivery timeout (25 s)
				this.kafka.flush();
			}
			Batch settled = settle(rows, acks, read.probes(), holding);
			if (read.complete()) {
				this.holds.releaseUnseen();
			}
			Set<Long> held = new HashSet<>(read.held());
			held.addAll(settled.held());
			return settled.withMove(this.cursor.advance(read.ids(), read.full(), Set.copyOf(settled.done()), held,
					oldestOpen, this::databaseNow));
		});
		Batch result = (batch != null) ? batch : Batch.EMPTY;
		if (result.move() != null) {
			this.cursor.moveTo(result.move());
		}
		if (sweep) {
			this.cursor.swept();
		}
		this.published.increment(result.published());
		int moved = result.published() + result.dead();
		if (result.retryReason() != null && moved == 0) {
			// nothing moved: let the relay back off
			throw new IllegalStateException(result.retryReason());
		}
		if (result.retryReason() != null) {
			log.warn("{} events stay in the outbox for the next pass ({})", result.retrying(), result.retryReason());
		}
		return moved;
	}

	/**
	 * What is held, by when since (for the relay's health): nothing while another
	 * instance holds the relay, whose holds are its own (this one's may be stale until it
	 * publishes again).
	 */
	Map<String, Instant> heldSince() {
		return this.publishing ? this.holds.heldSince() : Map.of();
	}

	/**
	 * Reads from {@code from} the events the pass sends: the first of each key not held,
	 * {@code batch-size} at most. At most one event of a key is in flight: a later
	 * version is sent only in a pass after the earlier one was acknowledged and deleted;
	 * sent together, the earlier one could fail (and be sent again later) while the later
	 * one was acknowledged, putting the key's versions out of order on the topic. A key's
	 * events all go to one partition, so a held topic or partition holds every event of
	 * its keys. While anything is held, the read is {@link #LOOK_PAST} times longer, to
	 * look past held events, in one statement (one snapshot: a key's later version is
	 * never seen without its earlier one); the cursor remembers the held ones, so the
	 * next pass starts past them ({@link OutboxCursor#scanFrom()}). The ids the cursor
	 * waits for below {@code from} ({@code missing}) are looked up in the same statement.
	 */
	private Read read(long from, List<Long> missing, OutboxHolds.Pass holding) {
		int batch = this.properties.batchSize();
		int limit = this.holds.any() ? batch * LOOK_PAST : batch;
		List<OutboxRow> rows = missing.isEmpty() ? this.jdbc.query(SELECT, OutboxRow::of, from, limit)
				: this.jdbc.query(SELECT_WITH_MISSING, OutboxRow::of, missing.toArray(Long[]::new), from, limit);
		long scanned = rows.stream().filter((row) -> row.id() > from).count();
		List<Long> ids = new ArrayList<>(rows.size());
		List<OutboxRow> toSend = new ArrayList<>();
		Set<Long> probes = new HashSet<>();
		List<Long> held = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Set<String> heldKeys = new HashSet<>();
		boolean complete = scanned < limit;
		for (OutboxRow row : rows) {
			ids.add(row.id());
			String key = row.topic() + '\u0000' + row.key();
			if (heldKeys.contains(key)) {
				held.add(row.id());
				continue;
			}
			if (toSend.size() == batch) {
				complete = false;
				continue;
			}
			if (!keys.add(key)) {
				continue;
			}
			switch (holding.admit(row)) {
				case SEND -> toSend.add(row);
				case PROBE -> {
					toSend.add(row);
					probes.add(row.id());
				}
				case HOLD -> {
					heldKeys.add(key);
					held.add(row.id());
				}
				case WAIT -> {
					// kept, and not remembered as held: read again by the next pass
				}
			}
		}
		return new Read(ids, scanned == limit, complete, toSend, probes, held);
	}

	private static String failureOf(CompletableFuture<?> ack) {
		return ack.handle((result, ex) -> (ex != null) ? rootMessage(ex) : "timed out").getNow("timed out");
	}

	/**
	 * When the oldest other transaction of this database still open began (idle in one
	 * included), or null when none is: asked before the pass's read, as the first look at
	 * {@code pg_stat_activity} in its transaction (PostgreSQL keeps what a transaction
	 * first saw of it), and a transaction leaves it only once its commit is visible.
	 * Sessions of other roles show no start without pg_read_all_stats; they write no
	 * outbox rows, and the sweep covers them anyway. Autovacuum workers do not count:
	 * they write no outbox row, and a worker's transaction lasts as long as its
	 * (throttled) vacuum of a large table, seconds to minutes, which kept the cursor at a
	 * missing id meanwhile.
	 */
	private Instant oldestOpenTransaction() {
		OffsetDateTime began = this.jdbc.queryForObject("""
				select min(xact_start) from pg_stat_activity
				 where datname = current_database() and pid <> pg_backend_pid()
				   and backend_type <> 'autovacuum worker'""", OffsetDateTime.class);
		return (began != null) ? began.toInstant() : null;
	}

	private Instant databaseNow() {
		return this.jdbc.queryForObject("select clock_timestamp()", OffsetDateTime.class).toInstant();
	}

	/**
	 * Held until the pass's transaction ends; false while another instance's relay holds
	 * it.
	 */
	private boolean takeRelayLock() {
		return Boolean.TRUE
			.equals(this.jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK));
	}

	/**
	 * A send that fails at once (the record is too large, say) is settled like a failed
	 * ack.
	 */
	private CompletableFuture<?> send(OutboxRow row) {
		return send(this.kafka, row.toRecord());
	}

	/**
	 * Sends the record; a failure the template throws (as it does when the producer fails
	 * the send at once) is returned as a failed future like any other.
	 */
	static CompletableFuture<?> send(KafkaTemplate<String, byte[]> kafka, ProducerRecord<String, byte[]> record) {
		try {
			return kafka.send(record);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	/**
	 * Whether the producer failed the send at once with Kafka's timeout: it had no
	 * metadata for the topic within {@code max.block.ms} (10 s by default: a producer
	 * started while the broker is down, or a topic a broker that creates none does not
	 * know), or its buffer stayed full as long. Every further event of that topic would
	 * wait as long again inside this pass's transaction (500 of them, over 80 minutes),
	 * so they are kept without being sent, and the topic is held
	 * ({@link OutboxHolds.Pass#timedOut}).
	 */
	static boolean timedOutInSend(CompletableFuture<?> ack) {
		if (!ack.isCompletedExceptionally()) {
			return false;
		}
		Throwable failure = ack.handle((result, ex) -> ex).getNow(null);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Settles each event by its acknowledgement, waiting up to the send timeout for all
	 * but the probes, then up to {@link OutboxHolds#PROBE_WAIT} more for the probes. An
	 * event the broker could not take holds its topic or partition
	 * ({@link OutboxHolds.Pass#failed}); an acknowledged one ends the hold of its topic
	 * or partition ({@link OutboxHolds.Pass#published}).
	 */
	private Batch settle(List<OutboxRow> rows, List<CompletableFuture<?>> acks, Set<Long> probes,
			OutboxHolds.Pass holding) {
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		List<Long> done = new ArrayList<>();
		List<Long> held = new ArrayList<>();
		int dead = 0;
		String retryReason = null;
		for (int probe = 0; probe < 2; probe++) {
			long until = (probe == 1) ? Math.min(deadline, System.nanoTime() + OutboxHolds.PROBE_WAIT.toNanos())
					: deadline;
			for (int i = 0; i < rows.size(); i++) {
				OutboxRow row = rows.get(i);
				if (probes.contains(row.id()) != (probe == 1)) {
					continue;
				}
				String failure = null;
				try {
					acks.get(i).get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
					done.add(row.id());
					holding.published(row);
				}
				catch (ExecutionException ex) {
					if (isPermanent(ex.getCause())) {
						bury(row, rootMessage(ex));
						done.add(row.id());
						dead++;
						// settled for good: a probe's hold ends, and its events are read
						// again
						holding.published(row);
					}
					else {
						failure = rootMessage(ex);
					}
				}
				catch (TimeoutException ex) {
					failure = "no acknowledgement within "
							+ ((probe == 1) ? "the probe's wait" : this.properties.sendTimeout().toMillis() + " ms");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					retryReason = "interrupted";
					break;
				}
				if (failure != null) {
					retryReason = failure;
					if (holding.failed(row, failure)) {
						held.add(row.id());
					}
				}
			}
		}
		if (!done.isEmpty()) {
			this.jdbc.update("delete from outbox where id = any(?)", (Object) done.toArray(Long[]::new));
		}
		return new Batch(done.size() - dead, dead, rows.size() - done.size(), retryReason, done, held, null);
	}

	private void bury(OutboxRow row, String reason) {
		this.jdbc.update("""
				insert into outbox_dead (id, topic, msg_key, event_id, event_type, payload, reason, created_at)
				select id, topic, msg_key, event_id, event_type, payload, ?, created_at from outbox where id = ?""",
				reason, row.id());
		this.dead.increment();
		log.error("Kafka refuses {} {} for {} for good ({}); moved it to outbox_dead", row.type(), row.eventId(),
				row.key(), reason);
	}

	/**
	 * Failures that no retry can mend: the record itself is unacceptable to the broker.
	 */
	static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
					|| cause instanceof InvalidTopicException || cause instanceof SerializationException) {
				return true;
			}
		}
		return false;
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * What a pass did, the ids it settled, and how the cursor moves once it committed.
	 */
	private record Batch(int published, int dead, int retrying, String retryReason, List<Long> done, List<Long> held,
			OutboxCursor.Move move) {

		static final Batch EMPTY = new Batch(0, 0, 0, null, List.of(), List.of(), null);

		Batch withMove(OutboxCursor.Move move) {
			return new Batch(this.published, this.dead, this.retrying, this.retryReason, this.done, this.held, move);
		}

	}

	/**
	 * What a pass read: every id (for the cursor), whether the read was full, whether
	 * every event it read was looked at (not full, and none left for want of room in the
	 * batch), the events it sends, which of those are probes of a held topic or
	 * partition, and the events it holds.
	 */
	private record Read(List<Long> ids, boolean full, boolean complete, List<OutboxRow> toSend, Set<Long> probes,
			List<Long> held) {

	}

	/**
	 * The cursor: below it, every id was settled (for tests).
	 */
	long cursor() {
		return this.cursor.after();
	}

	/**
	 * Where the next pass's read starts, but for the missing ids it looks up (for tests).
	 */
	long readsFrom() {
		return this.cursor.scanFrom();
	}

}
