package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.EventCodec;

/**
 * Applies each event of a topic at most once: the message is read with the contract's
 * codec (an unreadable one throws, so the binder dead-letters it after its retries), then
 * the handler runs in one transaction with the inbox record. A redelivered event is
 * acknowledged and skipped.
 */
public class EventConsumer {

	private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

	private static final Duration MAX_RECORDED_AGE = Duration.ofDays(365);

	private final MeterRegistry meters;

	private final Duration patience;

	/**
	 * @param patience how long one event waits for an unreachable database before it
	 * fails (and, after the binder's attempts, is dead-lettered); kept below the
	 * consumer's {@code max.poll.interval.ms}
	 */
	public EventConsumer(Inbox inbox, TransactionTemplate transactions, MeterRegistry meters, Duration patience) {
		this.inbox = inbox;
		this.transactions = transactions;
		this.meters = meters;
		this.patience = patience;
	}

	/**
	 * A consumer of raw messages for one consumer name (the consumer group), decoding to
	 * {@code type} and handing each new event to {@code handler}.
	 */
	public <T extends BidstreamEvent> Consumer<byte[]> of(String consumer, Class<T> type, Consumer<T> handler) {
		Counter applied = counter(consumer, type, "applied");
		Counter duplicates = counter(consumer, type, "duplicate");
		Timer lag = Timer.builder("bidstream.events.latency")
			.description("From an event's occurredAt to the moment a consumer applied it")
			.tag("consumer", consumer)
			.tag("event", type.getSimpleName())
			.publishPercentiles(0.5, 0.95, 0.99)
			.register(this.meters);
		return (payload) -> {
			T event = EventCodec.read(payload, type);
			boolean first = applyOnce(consumer, event, handler);
			if (first) {
				applied.increment();
				Duration age = Duration.between(event.occurredAt(), Instant.now());
				if (!age.isNegative() && age.compareTo(MAX_RECORDED_AGE) < 0) {
					lag.record(age);
				}
			}
			else {
				duplicates.increment();
				log.debug("{} skipped redelivered {} {}", consumer, type.getSimpleName(), event.eventId());
			}
		};
	}

	/**
	 * Runs the handler and the inbox record in one transaction. While the database is
	 * unreachable (a restart, a failover) it waits and tries again, up to
	 * {@code patience}, instead of sending a good event to the dead-letter topic; any
	 * other failure is thrown at once.
	 */
	<T extends BidstreamEvent> boolean applyOnce(String consumer, T event, Consumer<T> handler) {
		Duration waited = Duration.ZERO;
		Duration pause = Duration.ofMillis(250);
		while (true) {
			try {
				return Boolean.TRUE.equals(this.transactions.execute((status) -> {
					if (!this.inbox.firstDelivery(consumer, event.eventId())) {
						return false;
					}
					handler.accept(event);
					return true;
				}));
			}
			catch (TransientDataAccessException | DataAccessResourceFailureException
					| CannotCreateTransactionException ex) {
				if (waited.compareTo(this.patience) >= 0) {
					throw ex;
				}
				log.warn("{} cannot reach its database ({}); retrying {} in {} ms", consumer,
						ex.getMostSpecificCause().getMessage(), event.eventId(), pause.toMillis());
				sleep(pause);
				waited = waited.plus(pause);
				pause = (pause.compareTo(MAX_PAUSE) < 0) ? pause.multipliedBy(2) : MAX_PAUSE;
			}
		}
	}

	private static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the database", ex);
		}
	}

	private Counter counter(String consumer, Class<?> type, String result) {
		return Counter.builder("bidstream.events.consumed")
			.description("Events a consumer received, by whether they were applied or were redeliveries")
			.tag("consumer", consumer)
			.tag("event", type.getSimpleName())
			.tag("result", result)
			.register(this.meters);
	}

}
