package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.platform.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class OutboxBatchesIntegrationTests {

	static final DataSource DATABASE = PlatformDatabase.migrated("platform_relays");

	static final int PARTITIONS = 3;

	final JdbcTemplate jdbc = new JdbcTemplate(DATABASE);

	final List<String> topic = new CopyOnWriteArrayList<>();

	final ExecutorService background = Executors.newSingleThreadExecutor();

	@AfterEach
	void cleanUp() {
		this.background.shutdownNow();
		this.jdbc.update("delete from outbox");
	}

	@Test
	void whileOneInstancePublishesABatchAnotherOnTheSameDatabaseSendsNothingSoAKeysVersionsStayInOrder()
			throws Exception {
		append("listing-1", "v1");
		append("listing-1", "v2");
		CompletableFuture<Object> firstAck = new CompletableFuture<>();
		OutboxBatches first = instance(1, (sent) -> firstAck);
		OutboxBatches second = instance(1, (sent) -> CompletableFuture.completedFuture(null));

		Future<Integer> firstPass = this.background.submit(first::publishBatch);
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.topic.isEmpty());
		int sentBySecondMeanwhile = second.publishBatch();
		firstAck.complete(null);

		assertThat(sentBySecondMeanwhile).isZero();
		assertThat(firstPass.get()).isEqualTo(1);
		assertThat(second.publishBatch()).isEqualTo(1);
		assertThat(this.topic).containsExactly("listing-1:v1", "listing-1:v2");
	}

	@Test
	void aRetryableFailureKeepsOnlyThatEventAndItsKeysLaterVersionsWhileTheRestIsPublishedInOrder() {
		append("listing-1", "v1");
		append("listing-1", "v2");
		append("listing-2", "v1");
		AtomicBoolean partitionDown = new AtomicBoolean(true);
		MovableClock clock = new MovableClock();
		OutboxBatches relay = instance(Map.of("bidstream.messaging.batch-size", "10"),
				(sent) -> (partitionDown.get() && sent.equals("listing-1:v1"))
						? CompletableFuture.failedFuture(new NotLeaderOrFollowerException("leader moving"))
						: CompletableFuture.completedFuture(null),
				clock);

		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(pending()).containsExactly("listing-1:v1", "listing-1:v2");
		partitionDown.set(false);
		assertThat(relay.publishBatch()).as("its partition is held for a second").isZero();
		clock.advance(OutboxHolds.FIRST_RETRY);
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(1);

		assertThat(pending()).isEmpty();
		assertThat(this.topic).containsExactly("listing-1:v1", "listing-2:v1", "listing-1:v1", "listing-1:v2");
	}

	@Test
	void aPassThatPublishesNothingBecauseTheBrokerFailsThrowsSoTheRelayBacksOff() {
		append("listing-1", "v1");
		OutboxBatches relay = instance(10,
				(sent) -> CompletableFuture.failedFuture(new NotLeaderOrFollowerException("no leader")));

		assertThatIllegalStateException().isThrownBy(relay::publishBatch).withMessageContaining("no leader");
		assertThat(pending()).containsExactly("listing-1:v1");
	}

	/**
	 * A producer started while the broker is down has no metadata for the topic: each
	 * send blocks for {@code max.block.ms} and then fails at once. The pass sends the
	 * topic's first event only, keeps every event for the next pass, and still publishes
	 * the events of a topic whose metadata it has.
	 */
	@Test
	void aTopicTheProducerHasNoMetadataForIsTriedOncePerPassNotOncePerEvent() {
		append("listing-1", "v1");
		append("listing-2", "v1");
		append("listing-3", "v1");
		this.jdbc.update("""
				insert into outbox (topic, msg_key, event_id, event_type, payload)
				values ('pursuits.events', 'pursuit-1', ?, 'PursuitAdvanced', 'p1'::bytea)
				""", UUID.randomUUID());
		OutboxBatches relay = instance(10,
				(sent) -> sent.startsWith("listing-")
						? CompletableFuture.failedFuture(new KafkaException("Send failed",
								new org.apache.kafka.common.errors.TimeoutException(
										"Topic listings.ingested not present in metadata after 10000 ms.")))
						: CompletableFuture.completedFuture(null));

		assertThat(relay.publishBatch()).isEqualTo(1);

		assertThat(this.topic).as("sends tried").containsExactly("listing-1:v1", "pursuit-1:p1");
		assertThat(pending()).containsExactly("listing-1:v1", "listing-2:v1", "listing-3:v1");
	}

	/**
	 * A topic whose send timed out is held: its events are left out of the reads until
	 * its retry is due (a second after the first failure, then twice as long each time),
	 * so the other topics' events behind them go out at once, though the held ones fill
	 * the first read. The cursor stays below them, and they go out in order once the
	 * topic can be published again.
	 */
	@Test
	void aTopicWhoseSendTimedOutIsHeldWhileTheEventsOfOtherTopicsBehindItGoOut() {
		MovableClock clock = new MovableClock();
		AtomicBoolean metadata = new AtomicBoolean(true);
		OutboxBatches relay = instance(
				Map.of("bidstream.messaging.batch-size", "2", "bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> (sent.startsWith("listing-") && !metadata.get())
						? CompletableFuture.failedFuture(new KafkaException("Send failed",
								new org.apache.kafka.common.errors.TimeoutException(
										"Topic listings.ingested not present in metadata after 10000 ms.")))
						: CompletableFuture.completedFuture(null),
				clock);
		publishPastTheFirstGap(relay);
		long before = relay.cursor();
		metadata.set(false);
		append("listing-a", "v1");
		append("listing-b", "v1");
		append("listing-c", "v1");
		appendPursuitEvent("pursuit-1", "p1");
		appendPursuitEvent("pursuit-2", "p1");
		this.topic.clear();

		assertThatIllegalStateException().as("the first read: two events of listings.ingested")
			.isThrownBy(relay::publishBatch)
			.withMessageContaining("not present in metadata");
		assertThat(relay.publishBatch()).as("the next reads go past them").isEqualTo(2);
		assertThat(relay.publishBatch()).as("only held events: nothing to do").isZero();
		appendPursuitEvent("pursuit-3", "p1");
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(this.topic).as("sends tried")
			.containsExactly("listing-a:v1", "pursuit-1:p1", "pursuit-2:p1", "pursuit-3:p1");
		assertThat(relay.cursor()).as("below listing-a").isEqualTo(before);

		clock.advance(Duration.ofSeconds(1));
		assertThatIllegalStateException().as("the retry is due, and times out again").isThrownBy(relay::publishBatch);
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("held for 2 s now").isZero();
		assertThat(this.topic).hasSize(5).endsWith("listing-a:v1");
		metadata.set(true);
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("the probe").isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(2);

		assertThat(this.topic.subList(5, this.topic.size())).containsExactly("listing-a:v1", "listing-b:v1",
				"listing-c:v1");
		assertThat(pending()).isEmpty();
		assertThat(relay.cursor()).isEqualTo(maxId());
	}

	/**
	 * A partition whose events fail (no leader) is held: its events piled at the head of
	 * the outbox fill the first read, and the next pass reads on past them and publishes
	 * the other partitions' events without sending them again. When its retry is due, one
	 * of its events probes it; once that is acknowledged, the rest go out, each key's
	 * versions in order, and the cursor moves over everything.
	 */
	@Test
	void aPartitionWhoseEventsFailIsHeldAndTheReadsGoPastItsEventsToTheOtherPartitions() {
		MovableClock clock = new MovableClock();
		AtomicBoolean partitionDown = new AtomicBoolean(false);
		List<String> down = keys(0, 3);
		List<String> up = keys(1, 2);
		OutboxBatches relay = instance(
				Map.of("bidstream.messaging.batch-size", "2", "bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> (partitionDown.get() && down.contains(sent.substring(0, sent.indexOf(':'))))
						? CompletableFuture.failedFuture(new NotLeaderOrFollowerException("no leader"))
						: CompletableFuture.completedFuture(null),
				clock);
		publishPastTheFirstGap(relay);
		long before = relay.cursor();
		partitionDown.set(true);
		down.forEach((key) -> append(key, "v1"));
		up.forEach((key) -> append(key, "v1"));
		append(down.get(0), "v2");
		this.topic.clear();

		assertThatIllegalStateException().as("the first read: two events of the partition without a leader")
			.isThrownBy(relay::publishBatch)
			.withMessageContaining("no leader");
		assertThat(relay.publishBatch()).as("the next reads go past them").isEqualTo(2);
		assertThat(relay.publishBatch()).as("only held events: nothing to do").isZero();
		assertThat(this.topic).containsExactly(down.get(0) + ":v1", down.get(1) + ":v1", up.get(0) + ":v1",
				up.get(1) + ":v1");
		assertThat(relay.cursor()).as("below the first held event").isEqualTo(before);

		clock.advance(Duration.ofSeconds(1));
		assertThatIllegalStateException().as("one probe, which fails").isThrownBy(relay::publishBatch);
		assertThat(this.topic).hasSize(5).endsWith(down.get(0) + ":v1");
		partitionDown.set(false);
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("held for 2 s now").isZero();
		assertThat(this.topic).hasSize(5);
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("the probe").isEqualTo(1);
		while (relay.publishBatch() > 0) {
			// the rest
		}

		assertThat(pending()).isEmpty();
		assertThat(this.topic.subList(5, this.topic.size())).containsExactly(down.get(0) + ":v1", down.get(1) + ":v1",
				down.get(2) + ":v1", down.get(0) + ":v2");
		assertThat(relay.cursor()).isEqualTo(maxId());
	}

	/**
	 * A held topic whose probe gets past the metadata but is not acknowledged (its
	 * partition has no leader yet): its partition is held from then on, with the topic's
	 * retries (its next wait twice as long), and the topic's other partitions go out.
	 */
	@Test
	void aHeldTopicWhoseProbeIsNotAcknowledgedHoldsItsPartitionAndTheOthersGoOut() {
		MovableClock clock = new MovableClock();
		String stranded = keys(0, 1).get(0);
		String served = keys(1, 1).get(0);
		AtomicReference<String> broker = new AtomicReference<>("no metadata");
		OutboxBatches relay = instance(
				Map.of("bidstream.messaging.batch-size", "10", "bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> switch (broker.get()) {
					case "no metadata" -> CompletableFuture.failedFuture(new KafkaException("Send failed",
							new org.apache.kafka.common.errors.TimeoutException("not present in metadata")));
					case "no leader" -> sent.startsWith(stranded + ":")
							? CompletableFuture.failedFuture(new NotLeaderOrFollowerException("no leader"))
							: CompletableFuture.completedFuture(null);
					default -> CompletableFuture.completedFuture(null);
				}, clock);
		append(stranded, "v1");
		append(served, "v1");

		assertThatIllegalStateException().isThrownBy(relay::publishBatch);
		assertThat(relay.heldSince()).containsOnlyKeys("listings.ingested");
		broker.set("no leader");
		clock.advance(Duration.ofSeconds(1));
		assertThatIllegalStateException().as("the probe, not acknowledged").isThrownBy(relay::publishBatch);
		assertThat(relay.heldSince()).containsOnlyKeys("listings.ingested-0");
		assertThat(relay.publishBatch()).as("the topic's other partitions").isEqualTo(1);
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("held for 2 s now").isZero();
		assertThat(this.topic).containsExactly(stranded + ":v1", stranded + ":v1", served + ":v1");
		broker.set("up");
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("the probe").isEqualTo(1);

		assertThat(pending()).isEmpty();
		assertThat(relay.heldSince()).isEmpty();
	}

	/**
	 * A probe the broker refuses for good is set aside like any event, and ends the hold:
	 * the partition's other events, held in the probe's pass, go out at the next.
	 */
	@Test
	void aProbeRefusedForGoodIsSetAsideAndEndsTheHold() {
		MovableClock clock = new MovableClock();
		List<String> keys = keys(0, 2);
		String refused = keys.get(0) + ":v1";
		AtomicReference<String> broker = new AtomicReference<>("no leader");
		OutboxBatches relay = instance(
				Map.of("bidstream.messaging.batch-size", "10", "bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> switch (broker.get()) {
					case "no leader" -> CompletableFuture.failedFuture(new NotLeaderOrFollowerException("no leader"));
					default ->
						sent.equals(refused) ? CompletableFuture.failedFuture(new RecordTooLargeException("too large"))
								: CompletableFuture.completedFuture(null);
				}, clock);
		this.jdbc.update("delete from outbox_dead");
		append(keys.get(0), "v1");
		append(keys.get(1), "v1");
		append(keys.get(0), "v2");

		assertThatIllegalStateException().isThrownBy(relay::publishBatch);
		assertThat(relay.publishBatch()).as("held").isZero();
		broker.set("up");
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).as("the probe, set aside").isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(2);

		assertThat(this.topic).containsExactly(refused, keys.get(1) + ":v1", refused, keys.get(1) + ":v1",
				keys.get(0) + ":v2");
		assertThat(this.jdbc.queryForList("select convert_from(payload, 'UTF8') from outbox_dead", String.class))
			.containsExactly("v1");
		assertThat(pending()).isEmpty();
		assertThat(relay.heldSince()).isEmpty();
	}

	/**
	 * A hold whose events are gone (set aside, or published by another instance) ends
	 * when its retry is due and a read from the cursor finds none of them; and an
	 * instance that finds another holding the relay shows nothing held (the other's holds
	 * count), so neither shows in its health for good.
	 */
	@Test
	void aHoldWithNothingLeftToPublishEndsAndAnInstanceThatIsNotPublishingShowsNothingHeld() throws Exception {
		MovableClock clock = new MovableClock();
		OutboxBatches relay = instance(
				Map.of("bidstream.messaging.batch-size", "10", "bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> CompletableFuture.failedFuture(new NotLeaderOrFollowerException("no leader")), clock);
		append(keys(0, 1).get(0), "v1");
		assertThatIllegalStateException().isThrownBy(relay::publishBatch);
		assertThat(relay.heldSince()).containsOnlyKeys("listings.ingested-0");

		this.jdbc.update("delete from outbox");
		clock.advance(Duration.ofSeconds(1));
		assertThat(relay.publishBatch()).isZero();
		assertThat(relay.heldSince()).isEmpty();

		append(keys(0, 1).get(0), "v2");
		assertThatIllegalStateException().isThrownBy(relay::publishBatch);
		assertThat(relay.heldSince()).containsOnlyKeys("listings.ingested-0");
		CompletableFuture<Object> othersAck = new CompletableFuture<>();
		OutboxBatches other = instance(1, (sent) -> othersAck);
		int sent = this.topic.size();
		Future<Integer> othersPass = this.background.submit(other::publishBatch);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.topic.size() > sent);
		assertThat(relay.publishBatch()).as("the other instance holds the relay").isZero();
		othersAck.complete(null);

		assertThat(othersPass.get()).isEqualTo(1);
		assertThat(relay.heldSince()).isEmpty();
	}

	/**
	 * {@code count} keys the producer puts in partition 0 (of 3), or, for any other
	 * {@code partition}, in the others.
	 */
	private static List<String> keys(int partition, int count) {
		return java.util.stream.IntStream.range(0, 1000)
			.mapToObj((n) -> "listing-p" + n)
			.filter((key) -> (partition == 0) == (BuiltInPartitioner
				.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS) == 0))
			.limit(count)
			.toList();
	}

	/**
	 * A row whose transaction commits after a later row's was published: the relay's next
	 * read still starts below it (the cursor waits at the missing id while a transaction
	 * older than the gap is open), so it is published at the next pass, before the next
	 * event of its key.
	 */
	@Test
	void anEventCommittedAfterALaterOneWasPublishedIsPublishedAtTheNextPassBeforeItsKeysNextEvent() throws Exception {
		OutboxBatches relay = instance(Map.of("bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> CompletableFuture.completedFuture(null), new MovableClock());
		publishPastTheFirstGap(relay);

		try (Connection late = openBehindAPublishedEvent(relay, "listing-late")) {
			assertThat(relay.publishBatch()).as("nothing new").isZero();
			late.commit();
		}
		append("listing-late", "v2");
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(1);

		assertThat(this.topic).endsWith("listing-2:v1", "listing-late:v1", "listing-late:v2");
		assertThat(pending()).isEmpty();
		assertThat(relay.cursor()).isEqualTo(maxId());
	}

	/**
	 * While a missing id's transaction stays open, the reads start past what was
	 * published above it (PostgreSQL cannot clean those deleted rows meanwhile, so reads
	 * from the missing id would step over more of them each time), and still find its
	 * row, by its id, once it commits.
	 */
	@Test
	void whileAMissingIdsTransactionIsOpenTheReadsStartPastWhatWasPublishedAndStillFindItsRow() throws Exception {
		OutboxBatches relay = instance(Map.of("bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> CompletableFuture.completedFuture(null), new MovableClock());
		publishPastTheFirstGap(relay);
		long before = relay.cursor();

		try (Connection late = openBehindAPublishedEvent(relay, "listing-late")) {
			append("listing-3", "v1");
			append("listing-4", "v1");
			assertThat(relay.publishBatch()).isEqualTo(2);
			assertThat(relay.cursor()).as("waits at the missing id").isEqualTo(before);
			assertThat(relay.readsFrom()).isEqualTo(maxId());
			late.commit();
		}
		append("listing-late", "v2");
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(relay.publishBatch()).isEqualTo(1);

		assertThat(this.topic).endsWith("listing-2:v1", "listing-3:v1", "listing-4:v1", "listing-late:v1",
				"listing-late:v2");
		assertThat(pending()).isEmpty();
		assertThat(relay.cursor()).isEqualTo(maxId());
	}

	/**
	 * The missing id's transaction commits while a pass sends what it read (after the
	 * read, before the pass is done): that pass saw the transaction open, so the cursor
	 * waits, and the next read finds the row before its key's next event.
	 */
	@Test
	void anEventCommittedWhileAPassSendsIsNotPassedOver() throws Exception {
		AtomicReference<Connection> committingDuringSend = new AtomicReference<>();
		OutboxBatches relay = instance(Map.of("bidstream.messaging.outbox-sweep-every", "1h"), (sent) -> {
			Connection late = committingDuringSend.getAndSet(null);
			if (late != null) {
				try {
					late.commit();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			}
			return CompletableFuture.completedFuture(null);
		}, new MovableClock());
		publishPastTheFirstGap(relay);

		try (Connection late = openBehindAPublishedEvent(relay, "listing-late")) {
			append("listing-3", "v1");
			committingDuringSend.set(late);
			assertThat(relay.publishBatch()).isEqualTo(1);
		}
		append("listing-late", "v2");
		while (relay.publishBatch() > 0) {
			// until the outbox is empty
		}

		assertThat(this.topic).endsWith("listing-2:v1", "listing-3:v1", "listing-late:v1", "listing-late:v2");
		assertThat(pending()).isEmpty();
	}

	/**
	 * A missing id whose transaction rolled back: once no transaction older than the gap
	 * is open, the cursor moves past it.
	 */
	@Test
	void aMissingIdWhoseTransactionRolledBackIsPassedOnceNoOlderTransactionIsOpen() throws Exception {
		OutboxBatches relay = instance(Map.of("bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> CompletableFuture.completedFuture(null), new MovableClock());
		publishPastTheFirstGap(relay);
		long before = relay.cursor();

		try (Connection rolledBack = openBehindAPublishedEvent(relay, "listing-gone")) {
			append("listing-3", "v1");
			assertThat(relay.publishBatch()).isEqualTo(1);
			assertThat(relay.cursor()).as("waits while the gap's transaction is open").isEqualTo(before);
			rolledBack.rollback();
		}
		append("listing-4", "v1");
		assertThat(relay.publishBatch()).isEqualTo(1);

		assertThat(relay.cursor()).isEqualTo(maxId());
		assertThat(this.topic).endsWith("listing-2:v1", "listing-3:v1", "listing-4:v1");
	}

	/**
	 * An autovacuum worker's transaction lasts as long as its vacuum, throttled here to
	 * crawl over a table of dead rows: it writes no outbox row, so it does not hold the
	 * cursor at a rolled-back id.
	 */
	@Test
	void anAutovacuumRunningMeanwhileDoesNotHoldTheCursorAtARolledBackId() throws Exception {
		OutboxBatches relay = instance(Map.of("bidstream.messaging.outbox-sweep-every", "1h"),
				(sent) -> CompletableFuture.completedFuture(null), new MovableClock());
		publishPastTheFirstGap(relay);
		try {
			this.jdbc.execute("""
					create table slow_vacuum (id int, filler text) with (autovacuum_vacuum_cost_delay = 100,
					  autovacuum_vacuum_cost_limit = 1, autovacuum_vacuum_threshold = 0,
					  autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_insert_threshold = 0)""");
			this.jdbc.update("insert into slow_vacuum select i, repeat('x', 200) from generate_series(1, 20000) i");
			this.jdbc.update("delete from slow_vacuum");
			this.jdbc.execute("alter system set autovacuum_naptime = '1s'");
			this.jdbc.execute("select pg_reload_conf()");
			String vacuum = await().atMost(Duration.ofSeconds(60)).until(this::slowVacuum, (found) -> found != null);

			try (Connection rolledBack = openBehindAPublishedEvent(relay, "listing-gone")) {
				rolledBack.rollback();
			}
			append("listing-3", "v1");
			assertThat(relay.publishBatch()).isEqualTo(1);

			assertThat(slowVacuum()).as("the same vacuum, begun before the id was missed, still runs")
				.isEqualTo(vacuum);
			assertThat(relay.cursor()).isEqualTo(maxId());
		}
		finally {
			this.jdbc.execute("alter system reset autovacuum_naptime");
			this.jdbc.execute("select pg_reload_conf()");
			this.jdbc.queryForList("""
					select pg_cancel_backend(pid) from pg_stat_progress_vacuum
					 where relid = to_regclass('slow_vacuum')""");
			this.jdbc.execute("drop table if exists slow_vacuum");
		}
	}

	/**
	 * The autovacuum worker vacuuming {@code slow_vacuum} (its pid and when its
	 * transaction began), or null. Test classes run one at a time, so the server setting
	 * the test changes for it affects no other test.
	 */
	private String slowVacuum() {
		return this.jdbc.query("""
				select a.pid || ' ' || a.xact_start from pg_stat_progress_vacuum p
				join pg_stat_activity a on a.pid = p.pid
				where p.relid = 'slow_vacuum'::regclass and a.backend_type = 'autovacuum worker'""",
				(rs) -> rs.next() ? rs.getString(1) : null);
	}

	/**
	 * The rows the tests before left behind make a gap below this test's first id: the
	 * relay passes it at its second pass, as after any start, and then reads from its
	 * cursor.
	 */
	private void publishPastTheFirstGap(OutboxBatches relay) {
		append("listing-1", "v1");
		assertThat(relay.publishBatch()).isEqualTo(1);
		append("listing-1", "v2");
		assertThat(relay.publishBatch()).isEqualTo(1);
		assertThat(relay.cursor()).isEqualTo(maxId());
	}

	/**
	 * A transaction that appends an event of the key and stays open (the caller ends it),
	 * and listing-2:v1 appended after it and published: its id is the missing one.
	 */
	private Connection openBehindAPublishedEvent(OutboxBatches relay, String key) throws SQLException {
		Connection open = DATABASE.getConnection();
		open.setAutoCommit(false);
		appendOn(open, key, "v1");
		append("listing-2", "v1");
		assertThat(relay.publishBatch()).isEqualTo(1);
		return open;
	}

	private long maxId() {
		return this.jdbc.queryForObject("select last_value from outbox_id_seq", Long.class);
	}

	private void appendOn(Connection connection, String key, String payload) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"insert into outbox (topic, msg_key, event_id, event_type, payload) values ('listings.ingested', ?, ?, 'ListingIngested', ?)")) {
			insert.setString(1, key);
			insert.setObject(2, UUID.randomUUID());
			insert.setBytes(3, payload.getBytes(StandardCharsets.UTF_8));
			insert.executeUpdate();
		}
	}

	/**
	 * A relay of one instance, with batches of at most that many events, sending to a
	 * broker stand-in that records what reached the topic and answers each send with the
	 * given ack.
	 */
	private OutboxBatches instance(int batchSize, Function<String, CompletableFuture<Object>> acks) {
		return instance(Map.of("bidstream.messaging.batch-size", String.valueOf(batchSize)), acks,
				java.time.Clock.systemUTC());
	}

	@SuppressWarnings("unchecked")
	private OutboxBatches instance(Map<String, String> settings, Function<String, CompletableFuture<Object>> acks,
			java.time.Clock clock) {
		KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
		given(kafka.partitionsFor(any(String.class)))
			.willAnswer((invocation) -> java.util.stream.IntStream.range(0, PARTITIONS)
				.mapToObj((p) -> new PartitionInfo(invocation.getArgument(0), p, null, null, null))
				.toList());
		given(kafka.send(any(ProducerRecord.class))).willAnswer((invocation) -> {
			ProducerRecord<String, byte[]> record = invocation.getArgument(0);
			String sent = record.key() + ":" + new String(record.value(), StandardCharsets.UTF_8);
			this.topic.add(sent);
			return acks.apply(sent);
		});
		MessagingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
			.bindOrCreate("bidstream.messaging", MessagingProperties.class);
		return new OutboxBatches(this.jdbc, new TransactionTemplate(new DataSourceTransactionManager(DATABASE)), kafka,
				properties, new SimpleMeterRegistry(), clock);
	}

	private List<String> pending() {
		return this.jdbc.queryForList("select msg_key || ':' || convert_from(payload, 'UTF8') from outbox order by id",
				String.class);
	}

	private void appendPursuitEvent(String key, String payload) {
		this.jdbc.update(
				"insert into outbox (topic, msg_key, event_id, event_type, payload) values ('pursuits.events', ?, ?, 'PursuitAdvanced', ?)",
				key, UUID.randomUUID(), payload.getBytes(StandardCharsets.UTF_8));
	}

	private void append(String key, String payload) {
		this.jdbc.update(
				"insert into outbox (topic, msg_key, event_id, event_type, payload) values ('listings.ingested', ?, ?, 'ListingIngested', ?)",
				key, UUID.randomUUID(), payload.getBytes(StandardCharsets.UTF_8));
	}

}
