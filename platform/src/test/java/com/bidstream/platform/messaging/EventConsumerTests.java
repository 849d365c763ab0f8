package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventConsumerTests {

	final List<UUID> seen = new ArrayList<>();

	final Inbox inbox = new Inbox(null) {
		@Override
		public boolean firstDelivery(String consumer, UUID eventId) {
			if (EventConsumerTests.this.seen.contains(eventId)) {
				return false;
			}
			EventConsumerTests.this.seen.add(eventId);
			return true;
		}
	};

	static byte[] event(UUID id) {
		return EventCodec.toBytes(new PursuitAdvanced(id, Instant.now(), "demo", "upwork:~1", 1, Action.CLAIM,
				Stage.CLAIMED, null, "fl-1", null, null, null, null, Instant.now()));
	}

	/** A transaction template whose first {@code failures} transactions cannot begin. */
	static TransactionTemplate databaseDownFor(int failures) {
		AtomicInteger attempts = new AtomicInteger();
		return new TransactionTemplate() {
			@Override
			public <T> T execute(TransactionCallback<T> action) throws TransactionException {
				if (attempts.incrementAndGet() <= failures) {
					throw new CannotCreateTransactionException("Connection refused");
				}
				return action.doInTransaction(new SimpleTransactionStatus());
			}
		};
	}

	EventConsumer consumer(TransactionTemplate transactions, Duration patience) {
		return new EventConsumer(this.inbox, transactions, new SimpleMeterRegistry(), patience);
	}

	@Test
	void appliesEachEventOnceAndSkipsItsRedelivery() {
		List<UUID> applied = new ArrayList<>();
		var handler = consumer(databaseDownFor(0), Duration.ofSeconds(1)).of("test", PursuitAdvanced.class,
				(event) -> applied.add(event.eventId()));
		UUID id = UUID.randomUUID();

		handler.accept(event(id));
		handler.accept(event(id));

		assertThat(applied).containsExactly(id);
	}

	@Test
	void waitsForADatabaseThatIsBrieflyUnreachableInsteadOfFailingTheEvent() {
		List<UUID> applied = new ArrayList<>();
		var handler = consumer(databaseDownFor(2), Duration.ofSeconds(5)).of("test", PursuitAdvanced.class,
				(event) -> applied.add(event.eventId()));
		UUID id = UUID.randomUUID();

		handler.accept(event(id));

		assertThat(applied).containsExactly(id);
	}

	@Test
	void givesUpOnTheDatabaseAfterItsPatienceSoTheBinderCanRetryOrDeadLetter() {
		var handler = consumer(databaseDownFor(100), Duration.ofMillis(500)).of("test", PursuitAdvanced.class,
				(event) -> {
				});

		assertThatThrownBy(() -> handler.accept(event(UUID.randomUUID())))
			.isInstanceOf(CannotCreateTransactionException.class);
	}

	@Test
	void aFailingHandlerOrAnUnreadableMessageFailsAtOnce() {
		AtomicInteger calls = new AtomicInteger();
		var failing = consumer(databaseDownFor(0), Duration.ofSeconds(5)).of("test", PursuitAdvanced.class, (event) -> {
			calls.incrementAndGet();
			throw new IllegalStateException("bad data");
		});

		assertThatThrownBy(() -> failing.accept(event(UUID.randomUUID()))).isInstanceOf(IllegalStateException.class);
		assertThat(calls).hasValue(1);
		assertThatThrownBy(() -> failing.accept("{oops".getBytes())).isInstanceOf(UnreadableEventException.class);
	}

}
