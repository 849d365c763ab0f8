package com.bidstream.tracking.pursuits;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.tracking.funnel.Funnel;
import com.bidstream.tracking.funnel.PursuitState;

/**
 * Applies one funnel event to a locked pursuit and makes it durable in the caller's
 * transaction: the pursuit row, a history row and the {@link PursuitAdvanced} on
 * {@code pursuits.events} (through the outbox) commit together or not at all.
 */
@Component
class FunnelRecorder {

	private static final Logger log = LoggerFactory.getLogger(FunnelRecorder.class);

	private final PursuitStore store;

	private final PursuitEventStore events;

	private final Outbox outbox;

	private final MeterRegistry meters;

	FunnelRecorder(PursuitStore store, PursuitEventStore events, Outbox outbox, MeterRegistry meters) {
		this.store = store;
		this.events = events;
		this.outbox = outbox;
		this.meters = meters;
	}

	/**
	 * Records {@code command} on {@code pursuit}, which the caller has locked.
	 * @throws com.bidstream.tracking.funnel.FunnelConflict if the funnel does not allow
	 * it
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public PursuitState record(Pursuit pursuit, EventCommand command) {
		PursuitState next = Funnel.apply(pursuit.state(), command.funnelEvent());
		Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		UUID eventId = (command.eventId() != null) ? command.eventId() : UUID.randomUUID();
		// an event that names no freelancer is the holder's (a REPLIED to the claimed
		// proposal)
		String freelancerId = (command.freelancerId() != null) ? command.freelancerId() : next.holder();
		this.store.advance(pursuit.agencyId(), pursuit.jobKey(), next, recordedAt);
		this.events.insertEvent(pursuit.agencyId(), pursuit.jobKey(),
				new HistoryEntry(eventId, command.type(), freelancerId, command.occurredAt(), command.connectsSpent(),
						command.bidAmount(), command.contractValue(), command.reason(), command.note(), recordedAt));
		this.outbox.append(Topics.PURSUITS_EVENTS,
				new PursuitAdvanced(publishedId(pursuit.agencyId(), eventId), command.occurredAt(), pursuit.agencyId(),
						pursuit.jobKey(), PursuitAdvanced.SCHEMA_VERSION, command.type(), next.stage(), next.outcome(),
						freelancerId, command.connectsSpent(), command.bidAmount(), command.contractValue(),
						command.reason(), recordedAt));
		afterCommit(pursuit, command, next, freelancerId);
		return next;
	}

	/**
	 * The id of the {@link PursuitAdvanced} for an event the agency recorded under
	 * {@code eventId}. Event ids are unique per agency only, and the consumers of
	 * {@code pursuits.events} keep one record per id across all agencies, so the
	 * published id is derived from both (the same event always publishes the same id).
	 */
	static UUID publishedId(String agencyId, UUID eventId) {
		return UUID.nameUUIDFromBytes((agencyId + "|" + eventId).getBytes(StandardCharsets.UTF_8));
	}

	private void afterCommit(Pursuit pursuit, EventCommand command, PursuitState next, String freelancerId) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				FunnelRecorder.this.meters.counter("bidstream.tracking.events", "type", command.type().name())
					.increment();
				log.debug("Pursuit {} of agency {}: {} by {} -> stage {}{}", pursuit.jobKey(), pursuit.agencyId(),
						command.type(), (freelancerId != null) ? freelancerId : "nobody", next.stage(),
						(next.outcome() != null) ? ", outcome " + next.outcome() : "");
			}
		});
	}

}
