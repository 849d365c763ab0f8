package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private final MeterRegistry meters;

	public EventConsumer(Inbox inbox, TransactionTemplate transactions, MeterRegistry meters) {
		this.inbox = inbox;
		this.transactions = transactions;
		this.meters = meters;
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
			Boolean first = this.transactions.execute((status) -> {
				if (!this.inbox.firstDelivery(consumer, event.eventId())) {
					return false;
				}
				handler.accept(event);
				return true;
			});
			if (Boolean.TRUE.equals(first)) {
				applied.increment();
				lag.record(Duration.between(event.occurredAt(), Instant.now()).abs());
			}
			else {
				duplicates.increment();
				log.debug("{} skipped redelivered {} {}", consumer, type.getSimpleName(), event.eventId());
			}
		};
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
