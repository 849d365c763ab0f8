package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

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
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

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
 * A topic whose send timed out (the producer has no metadata for it) is held: its events
 * are left out of the reads until its retry is due, and the cursor stays below the first
 * of them, so the other topics' events behind them go out meanwhile.
 */
class OutboxBatches {

	private static final Logger log = LoggerFactory.getLogger(OutboxBatches.class);

	/**
	 * The relay's advisory lock, the same in every service: each service has its own
	 * database, and advisory locks are per database.
	 */
	static final long RELAY_LOCK = 0x6269_6473_6f75_7462L;

	/**
	 * How long a topic whose send timed out is held before its first retry; then twice as
	 * long each time, up to {@code bidstream.messaging.held-topic-retry-max}.
	 */
	static final Duration HELD_TOPIC_FIRST_RETRY = Duration.ofSeconds(1);

	private static final String SELECT = """
			select id, topic, msg_key, event_id, event_type, payload from outbox
			where id > ? order by id limit ? for update skip locked""";

	private static final String SELECT_EXCEPT_HELD = """
			select id, topic, msg_key, event_id, event_type, payload from outbox
			where id > ? and topic <> all(?) order by id limit ? for update skip locked""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, byte[]> kafka;

	private final MessagingProperties properties;

	private final Counter published;

	private final Counter dead;

	private final OutboxCursor cursor;

	private final Clock clock;

	private final BackOff heldTopicBackOff;

	/**
	 * Topics whose send timed out (the producer has no metadata for them), each with when
	 * it is tried again. Used by the relay's one thread only.
	 */
	private final Map<String, HeldTopic> held = new HashMap<>();

	OutboxBatches(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
			MessagingProperties properties, MeterRegistry meters, Clock clock) {
		this.cursor = new OutboxCursor(clock, properties.outboxSweepEvery());
		this.clock = clock;
		ExponentialBackOff backOff = new ExponentialBackOff(HELD_TOPIC_FIRST_RETRY.toMillis(), 2.0);
		backOff.setMaxInterval(Math.max(HELD_TOPIC_FIRST_RETRY.toMillis(), properties.heldTopicRetryMax().toMillis()));
		this.heldTopicBackOff = backOff;
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
	 * for the next pass, without holding back the rest of the batch.
	 * @return how many events were published or set aside
	 * @throws IllegalStateException when no event could be, so that the relay backs off
	 */
	int publishBatch() {
		boolean sweep = this.cursor.sweepDue();
		Batch batch = this.transactions.execute((status) -> {
			if (!takeRelayLock()) {
				this.cursor.reset();
				return Batch.EMPTY;
			}
			Instant oldestOpen = this.cursor.waitsAtAGap() ? oldestOpenTransaction() : null;
			long from = sweep ? 0 : this.cursor.after();
			String[] holding = holding();
			List<OutboxRow> read = (holding.length == 0)
					? this.jdbc.query(SELECT, OutboxRow::of, from, this.properties.batchSize())
					: this.jdbc.query(SELECT_EXCEPT_HELD, OutboxRow::of, from, holding, this.properties.batchSize());
			long heldFrom = (holding.length == 0) ? Long.MAX_VALUE : firstHeld(from, holding);
			List<OutboxRow> rows = OutboxRow.firstOfEachKey(read);
			if (rows.isEmpty()) {
				return (heldFrom == Long.MAX_VALUE) ? Batch.EMPTY : Batch.held(heldReason(holding));
			}
			List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
			Map<String, CompletableFuture<?>> unknownTopics = new HashMap<>();
			for (OutboxRow row : rows) {
				CompletableFuture<?> ack = unknownTopics.get(row.topic());
				if (ack == null) {
					ack = send(row);
					if (timedOutInSend(ack)) {
						unknownTopics.put(row.topic(), ack);
						hold(row.topic(), ack);
					}
				}
				acks.add(ack);
			}
			this.kafka.flush();
			Batch settled = settle(rows, acks);
			return settled.withMove(this.cursor.advance(read.stream().map(OutboxRow::id).toList(),
					this.properties.batchSize(), Set.copyOf(settled.done()), oldestOpen, this::databaseNow, heldFrom));
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
	 * The topics held now: their events are neither read nor sent until their retry is
	 * due.
	 */
	private String[] holding() {
		if (this.held.isEmpty()) {
			return new String[0];
		}
		Instant now = this.clock.instant();
		return this.held.entrySet()
			.stream()
			.filter((topic) -> topic.getValue().retryAt().isAfter(now))
			.map(Map.Entry::getKey)
			.sorted()
			.toArray(String[]::new);
	}

	/**
	 * The lowest id of a held topic's event the read would have seen, or Long.MAX_VALUE:
	 * the cursor stops below it. Asked after the read, so an event that was visible to
	 * the read is visible to it.
	 */
	private long firstHeld(long from, String[] holding) {
		Long first = this.jdbc.queryForObject("select min(id) from outbox where id > ? and topic = any(?)", Long.class,
				from, holding);
		return (first != null) ? first : Long.MAX_VALUE;
	}

	/**
	 * Holds the topic whose send timed out: its events stay in the outbox and are not
	 * read until its retry is due, so they neither cost each pass {@code max.block.ms}
	 * nor fill the reads ahead of the other topics' events. The wait doubles with each
	 * retry that times out again, from {@link #HELD_TOPIC_FIRST_RETRY} up to
	 * {@code held-topic-retry-max}.
	 */
	private void hold(String topic, CompletableFuture<?> ack) {
		HeldTopic before = this.held.get(topic);
		BackOffExecution retries = (before != null) ? before.retries() : this.heldTopicBackOff.start();
		Duration wait = Duration.ofMillis(retries.nextBackOff());
		String reason = ack.handle((result, ex) -> rootMessage(ex)).getNow("timed out");
		this.held.put(topic, new HeldTopic(retries, this.clock.instant().plus(wait), reason));
		log.warn("Cannot publish to {} ({}); its events wait in the outbox while the other topics' go out; "
				+ "next try in {} s", topic, reason, wait.toSeconds());
	}

	private String heldReason(String[] holding) {
		return Arrays.stream(holding)
			.map((topic) -> topic + " held (" + this.held.get(topic).reason() + ")")
			.collect(Collectors.joining("; "));
	}

	/**
	 * When the oldest other transaction of this database still open began (idle in one
	 * included), or null when none is: asked before the pass's read, as the first look at
	 * {@code pg_stat_activity} in its transaction (PostgreSQL keeps what a transaction
	 * first saw of it), and a transaction leaves it only once its commit is visible.
	 * Sessions of other roles show no start without pg_read_all_stats; they write no
	 * outbox rows, and the sweep covers them anyway.
	 */
	private Instant oldestOpenTransaction() {
		OffsetDateTime began = this.jdbc.queryForObject("""
				select min(xact_start) from pg_stat_activity
				 where datname = current_database() and pid <> pg_backend_pid()""", OffsetDateTime.class);
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
	 * so they are kept without being sent, and the topic is held ({@link #hold}).
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

	private Batch settle(List<OutboxRow> rows, List<CompletableFuture<?>> acks) {
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		List<Long> done = new ArrayList<>();
		int dead = 0;
		String retryReason = null;
		for (int i = 0; i < rows.size(); i++) {
			OutboxRow row = rows.get(i);
			try {
				acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				done.add(row.id());
				if (this.held.remove(row.topic()) != null) {
					log.info("Publishing to {} again", row.topic());
				}
			}
			catch (ExecutionException ex) {
				if (isPermanent(ex.getCause())) {
					bury(row, rootMessage(ex));
					done.add(row.id());
					dead++;
				}
				else {
					retryReason = rootMessage(ex);
				}
			}
			catch (TimeoutException ex) {
				retryReason = "no acknowledgement within " + this.properties.sendTimeout().toMillis() + " ms";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				retryReason = "interrupted";
				break;
			}
		}
		this.jdbc.update("delete from outbox where id = any(?)", (Object) done.toArray(Long[]::new));
		return new Batch(done.size() - dead, dead, rows.size() - done.size(), retryReason, done, null);
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
	private record Batch(int published, int dead, int retrying, String retryReason, List<Long> done,
			OutboxCursor.Move move) {

		static final Batch EMPTY = new Batch(0, 0, 0, null, List.of(), null);

		/**
		 * A pass that read nothing to send while events of held topics wait.
		 */
		static Batch held(String reason) {
			return new Batch(0, 0, 0, reason, List.of(), null);
		}

		Batch withMove(OutboxCursor.Move move) {
			return new Batch(this.published, this.dead, this.retrying, this.retryReason, this.done, move);
		}

	}

	/**
	 * A topic held after its send timed out: its retries so far, when the next is due,
	 * and what the last one said.
	 */
	private record HeldTopic(BackOffExecution retries, Instant retryAt, String reason) {

	}

	/**
	 * Where the next pass starts reading (for tests).
	 */
	long cursor() {
		return this.cursor.after();
	}

}
