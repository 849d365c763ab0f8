package com.bidstream.platform.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.UnreadableEventException;
import com.bidstream.platform.jdbc.DatabaseFailures;

/**
 * Applies each event of a topic at most once, a poll batch at a time: the batch's inbox
 * records are written in one statement and its new events handed to the handler in the
 * same transaction, so one commit covers the whole batch. A redelivered event is
 * acknowledged and skipped.
 * <p>
 * A record that cannot be read, or whose effect cannot be applied, is isolated: the
 * records before it are committed, and a {@link BatchListenerFailedException} names its
 * index, so that the container's error handler ({@link ConsumerErrorHandling}) retries
 * it, dead-letters it after its attempts, and redelivers the records after it (which the
 * inbox then applies exactly once). A database that cannot be reached fails the batch at
 * its first record, which the error handler retries until the database is back.
 */
public class EventConsumer {

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	private final Clock clock;

	public EventConsumer(Inbox inbox, TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		this.inbox = inbox;
		this.transactions = transactions;
		this.meters = meters;
		this.clock = clock;
	}

	/**
	 * A consumer of poll batches for one consumer name (the consumer group), handing each
	 * new event to {@code handler}, all of a batch in one transaction.
	 */
	public <T extends BidstreamEvent> Consumer<List<byte[]>> of(String consumer, Class<T> type, Consumer<T> handler) {
		return batchOf(consumer, type, (events) -> events.forEach(handler));
	}

	/**
	 * A consumer of poll batches handing the new events of each batch, in order, to
	 * {@code handler} at once, for set-based writes.
	 */
	public <T extends BidstreamEvent> Consumer<List<byte[]>> batchOf(String consumer, Class<T> type,
			Consumer<List<T>> handler) {
		ConsumerMetrics metrics = new ConsumerMetrics(this.meters, consumer, type, this.clock);
		return (payloads) -> {
			List<T> events = new ArrayList<>(payloads.size());
			UnreadableEventException unreadable = null;
			for (byte[] payload : payloads) {
				try {
					events.add(EventCodec.read(payload, type));
				}
				catch (UnreadableEventException ex) {
					unreadable = ex;
					break;
				}
			}
			applyInOrder(consumer, events, handler, metrics);
			if (unreadable != null) {
				throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
			}
		};
	}

	/**
	 * Applies the events in one transaction; when that fails for anything but the
	 * database being unreachable, applies them one by one to find the one that fails.
	 */
	private <T extends BidstreamEvent> void applyInOrder(String consumer, List<T> events, Consumer<List<T>> handler,
			ConsumerMetrics metrics) {
		if (events.isEmpty()) {
			return;
		}
		try {
			applyTogether(consumer, events, handler, metrics);
		}
		catch (RuntimeException ex) {
			if (events.size() == 1 || DatabaseFailures.isUnreachable(ex)) {
				throw new BatchListenerFailedException(ex.getMessage(), ex, 0);
			}
			for (int i = 0; i < events.size(); i++) {
				try {
					applyTogether(consumer, List.of(events.get(i)), handler, metrics);
				}
				catch (RuntimeException one) {
					throw new BatchListenerFailedException(one.getMessage(), one, i);
				}
			}
		}
	}

	private <T extends BidstreamEvent> void applyTogether(String consumer, List<T> events, Consumer<List<T>> handler,
			ConsumerMetrics metrics) {
		List<T> fresh = this.transactions.execute((status) -> {
			Set<UUID> firstTime = new HashSet<>(this.inbox.firstDeliveries(consumer, ids(events)));
			List<T> toApply = new ArrayList<>(firstTime.size());
			for (T event : events) {
				// remove: a copy of the same event later in the batch is a duplicate too
				if (firstTime.remove(event.eventId())) {
					toApply.add(event);
				}
			}
			if (!toApply.isEmpty()) {
				handler.accept(toApply);
			}
			return toApply;
		});
		metrics.applied(fresh, events.size() - fresh.size());
	}

	private static List<UUID> ids(List<? extends BidstreamEvent> events) {
		return events.stream().map(BidstreamEvent::eventId).toList();
	}

}
