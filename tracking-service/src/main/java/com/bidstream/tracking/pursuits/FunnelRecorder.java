package com.bidstream.tracking.pursuits;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.bidstream.contracts.FreelancerIds;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.tracking.funnel.Funnel;
import com.bidstream.tracking.funnel.PursuitState;

/**
 * Applies funnel events to locked pursuits and makes them durable in the caller's
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

	private final Clock clock;

	FunnelRecorder(PursuitStore store, PursuitEventStore events, Outbox outbox, MeterRegistry meters, Clock clock) {
		this.clock = clock;
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
		return recordAll(List.of(new Step(pursuit, command))).get(0);
	}

	/**
	 * Records each step's command on its pursuit (all locked by the caller, each pursuit
	 * once), with one statement per table for all of them.
	 * @return the pursuits' new states, in order
	 * @throws com.bidstream.tracking.funnel.FunnelConflict if the funnel does not allow
	 * one of them (nothing is written then)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<PursuitState> recordAll(List<Step> steps) {
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<Recorded> recorded = new ArrayList<>(steps.size());
		for (Step step : steps) {
			requireRosterId(step);
			PursuitState next = Funnel.apply(step.pursuit().state(), step.command().funnelEvent());
			EventCommand command = step.command();
			UUID eventId = (command.eventId() != null) ? command.eventId() : UUID.randomUUID();
			// an event that names no freelancer is the holder's (a REPLIED to the claimed
			// proposal)
			String freelancerId = (command.freelancerId() != null) ? command.freelancerId() : next.holder();
			recorded.add(new Recorded(step.pursuit(), next,
					new HistoryEntry(eventId, command.type(), freelancerId, command.occurredAt(),
							command.connectsSpent(), command.bidAmount(), command.contractValue(), command.reason(),
							command.note(), recordedAt)));
		}
		if (recorded.isEmpty()) {
			return List.of();
		}
		this.store.advanceAll(recorded, recordedAt);
		this.events.insertAll(recorded);
		this.outbox.appendAll(Topics.PURSUITS_EVENTS, recorded.stream().map(FunnelRecorder::published).toList());
		afterCommit(recorded);
		return recorded.stream().map(Recorded::next).toList();
	}

	/**
	 * A freelancer named on an event has an id a roster can hold ({@link FreelancerIds});
	 * the pursuit's holder keeps the id it holds by, even one taken before that rule, so
	 * that it can still send its proposal or release the pursuit.
	 */
	private static void requireRosterId(Step step) {
		String named = step.command().freelancerId();
		if (named != null && !named.equals(step.pursuit().state().holder()) && !FreelancerIds.isValid(named)) {
			throw ApiProblem.invalidField("freelancerId", FreelancerIds.RULE);
		}
	}

	private static PursuitAdvanced published(Recorded recorded) {
		Pursuit pursuit = recorded.pursuit();
		HistoryEntry entry = recorded.entry();
		return new PursuitAdvanced(publishedId(pursuit.agencyId(), entry.eventId()), entry.occurredAt(),
				pursuit.agencyId(), pursuit.jobKey(), PursuitAdvanced.SCHEMA_VERSION, entry.type(),
				recorded.next().stage(), recorded.next().outcome(), entry.freelancerId(), entry.connectsSpent(),
				entry.bidAmount(), entry.contractValue(), entry.reason(), entry.recordedAt());
	}

	/**
	 * A command to record on a locked pursuit.
	 */
	record Step(Pursuit pursuit, EventCommand command) {

	}

	/**
	 * A step as recorded: the pursuit before, its state after, and its history row.
	 */
	record Recorded(Pursuit pursuit, PursuitState next, HistoryEntry entry) {

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

	private void afterCommit(List<Recorded> recorded) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				for (Recorded one : recorded) {
					FunnelRecorder.this.meters.counter("bidstream.tracking.events", "type", one.entry().type().name())
						.increment();
					log.debug("Pursuit {} of agency {}: {} by {} -> stage {}{}", one.pursuit().jobKey(),
							one.pursuit().agencyId(), one.entry().type(),
							(one.entry().freelancerId() != null) ? one.entry().freelancerId() : "nobody",
							one.next().stage(),
							(one.next().outcome() != null) ? ", outcome " + one.next().outcome() : "");
				}
			}
		});
	}

}
