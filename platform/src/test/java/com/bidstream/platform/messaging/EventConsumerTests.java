package com.bidstream.platform.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.UnreadableEventException;
import com.bidstream.platform.jdbc.DatabaseFailures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The batch rule, with an inbox and an effect that a failed transaction rolls back.
 */
class EventConsumerTests {

	/** Committed state: the inbox's ids and the effects (applied event ids). */
	final List<UUID> inboxIds = new ArrayList<>();

	final List<UUID> applied = new ArrayList<>();

	final AtomicInteger transactions = new AtomicInteger();

	int unreachableFor;

	final Inbox inbox = new Inbox(null) {
		@Override
		public List<UUID> firstDeliveries(String consumer, List<UUID> eventIds) {
			List<UUID> fresh = eventIds.stream()
				.distinct()
				.filter((id) -> !EventConsumerTests.this.inboxIds.contains(id))
				.toList();
			EventConsumerTests.this.inboxIds.addAll(fresh);
			return fresh;
		}
	};

	/** Runs the callback; on failure puts the state back as it was (a rollback). */
	final TransactionTemplate rollingBack = new TransactionTemplate() {
		@Override
		public <T> T execute(TransactionCallback<T> action) throws TransactionException {
			if (EventConsumerTests.this.unreachableFor-- > 0) {
				throw new CannotCreateTransactionException("Connection refused");
			}
			EventConsumerTests.this.transactions.incrementAndGet();
			List<UUID> inboxBefore = List.copyOf(EventConsumerTests.this.inboxIds);
			List<UUID> appliedBefore = List.copyOf(EventConsumerTests.this.applied);
			try {
				return action.doInTransaction(new SimpleTransactionStatus());
			}
			catch (RuntimeException ex) {
				EventConsumerTests.this.inboxIds.retainAll(inboxBefore);
				EventConsumerTests.this.applied.retainAll(appliedBefore);
				throw ex;
			}
		}
	};

	final EventConsumer consumer = new EventConsumer(this.inbox, this.rollingBack, new SimpleMeterRegistry(),
			java.time.Clock.systemUTC());

	static byte[] event(UUID id, String agency) {
		return EventCodec.toBytes(new PursuitAdvanced(id, Instant.now(), agency, "upwork:~1", 1, Action.CLAIM,
				Stage.CLAIMED, null, "fl-1", null, null, null, null, Instant.now()));
	}

	java.util.function.Consumer<List<byte[]>> handler() {
		return this.consumer.of("test", PursuitAdvanced.class, (event) -> {
			if ("poison".equals(event.agencyId())) {
				throw new IllegalStateException("cannot apply an event of agency poison");
			}
			this.applied.add(event.eventId());
		});
	}

	@Test
	void aPollBatchIsAppliedInOneTransaction() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		UUID c = UUID.randomUUID();

		handler().accept(List.of(event(a, "demo"), event(b, "demo"), event(c, "demo")));

		assertThat(this.applied).containsExactly(a, b, c);
		assertThat(this.transactions).hasValue(1);
	}

	@Test
	void appliesEachEventOnceWhenRedeliveredInTheSameBatchOrALaterOne() {
		UUID id = UUID.randomUUID();

		handler().accept(List.of(event(id, "demo"), event(id, "demo")));
		handler().accept(List.of(event(id, "demo")));

		assertThat(this.applied).containsExactly(id);
	}

	@Test
	void anEventThatCannotBeAppliedIsNamedByIndexAndTheEventsBeforeItAreCommitted() {
		UUID before = UUID.randomUUID();
		UUID poison = UUID.randomUUID();
		UUID after = UUID.randomUUID();

		assertThatExceptionOfType(BatchListenerFailedException.class).isThrownBy(
				() -> handler().accept(List.of(event(before, "demo"), event(poison, "poison"), event(after, "demo"))))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getCause()).hasMessage("cannot apply an event of agency poison");
			});

		assertThat(this.applied).containsExactly(before);
		assertThat(this.inboxIds).containsExactly(before);
	}

	@Test
	void anUnreadableRecordIsNamedByIndexAndTheRecordsBeforeItAreApplied() {
		UUID before = UUID.randomUUID();

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> handler()
				.accept(List.of(event(before, "demo"), "{oops".getBytes(), event(UUID.randomUUID(), "demo"))))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isEqualTo(1);
				assertThat(ex.getCause()).isInstanceOf(UnreadableEventException.class);
			});

		assertThat(this.applied).containsExactly(before);
	}

	@Test
	void anUnreachableDatabaseFailsTheBatchAtItsFirstRecordSoNothingIsDeadLettered() {
		this.unreachableFor = 1;
		UUID id = UUID.randomUUID();

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> handler().accept(List.of(event(id, "demo"), event(UUID.randomUUID(), "demo"))))
			.satisfies((ex) -> {
				assertThat(ex.getIndex()).isZero();
				assertThat(DatabaseFailures.isUnreachable(ex)).isTrue();
			});
		assertThat(this.applied).isEmpty();

		handler().accept(List.of(event(id, "demo")));

		assertThat(this.applied).containsExactly(id);
	}

}
