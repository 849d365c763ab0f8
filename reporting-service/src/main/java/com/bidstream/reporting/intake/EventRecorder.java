package com.bidstream.reporting.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;

/**
 * Stores what reporting keeps of each event. Runs inside the consumer's transaction;
 * every write tolerates versions arriving out of order.
 */
@Component
class EventRecorder {

	private static final Logger log = LoggerFactory.getLogger(EventRecorder.class);

	private final JdbcClient jdbc;

	private final Counter listingsStored;

	private final Counter scoresStored;

	private final Counter pursuitEventsStored;

	EventRecorder(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.listingsStored = stored(meters, Topics.LISTINGS_INGESTED);
		this.scoresStored = stored(meters, Topics.LISTINGS_SCORED);
		this.pursuitEventsStored = stored(meters, Topics.PURSUITS_EVENTS);
	}

	private static Counter stored(MeterRegistry meters, String topic) {
		return Counter.builder("bidstream.reporting.events.stored")
			.description("Events reporting stored, by topic")
			.tag("topic", topic)
			.register(meters);
	}

	/**
	 * Keeps the latest version of the listing; its first ingest time never changes.
	 */
	void listingIngested(ListingIngested event) {
		Listing listing = event.listing();
		String closed = (listing.closed() != null && listing.closed().result() != null)
				? listing.closed().result().name() : null;
		this.jdbc.sql("""
				insert into listings (agency_id, job_key, source, category, first_ingested_at, latest_version,
				                      closed_result, last_ingested_at)
				values (:agency, :jobKey, :source, :category, :firstIngestedAt, :version, :closed, :at)
				on conflict (agency_id, job_key) do update
				   set source = excluded.source, category = excluded.category,
				       latest_version = excluded.latest_version, closed_result = excluded.closed_result,
				       last_ingested_at = greatest(listings.last_ingested_at, excluded.last_ingested_at)
				 where excluded.latest_version >= listings.latest_version
				""")
			.param("agency", event.agencyId())
			.param("jobKey", event.jobKey())
			.param("source", listing.source())
			.param("category", listing.category())
			.param("firstIngestedAt", Columns.of(event.firstIngestedAt()))
			.param("version", event.version())
			.param("closed", closed)
			.param("at", Columns.of(event.occurredAt()))
			.update();
		this.listingsStored.increment();
		log.debug("Stored listing {} version {} of agency {}", event.jobKey(), event.version(), event.agencyId());
	}

	/**
	 * Keeps the latest score: a higher version replaces it, the same version re-scored
	 * later replaces it, an older version arriving late does not.
	 */
	void listingScored(ListingScored event) {
		int changed = this.jdbc.sql("""
				insert into listing_scores (agency_id, job_key, version, score, decision, segment, budget_band,
				                            ai_work, ai_exposure, source, category, first_ingested_at,
				                            closed_result, estimated_value, scored_at)
				values (:agency, :jobKey, :version, :score, :decision, :segment, :budgetBand, :aiWork, :aiExposure,
				        :source, :category, :firstIngestedAt, :closed, :estimatedValue, :scoredAt)
				on conflict (agency_id, job_key) do update
				   set version = excluded.version, score = excluded.score, decision = excluded.decision,
				       segment = excluded.segment, budget_band = excluded.budget_band, ai_work = excluded.ai_work,
				       ai_exposure = excluded.ai_exposure, source = excluded.source, category = excluded.category,
				       first_ingested_at = coalesce(listing_scores.first_ingested_at, excluded.first_ingested_at),
				       closed_result = excluded.closed_result, estimated_value = excluded.estimated_value,
				       scored_at = excluded.scored_at
				 where excluded.version > listing_scores.version
				    or (excluded.version = listing_scores.version and excluded.scored_at >= listing_scores.scored_at)
				""")
			.param("agency", event.agencyId())
			.param("jobKey", event.jobKey())
			.param("version", event.version())
			.param("score", event.score())
			.param("decision", Columns.name(event.decision()))
			.param("segment", event.segment())
			.param("budgetBand", Columns.name(event.budgetBand()))
			.param("aiWork", event.aiWork())
			.param("aiExposure", Columns.name(event.aiExposure()))
			.param("source", event.source())
			.param("category", event.category())
			.param("firstIngestedAt", Columns.of(event.firstIngestedAt()))
			.param("closed", Columns.name(event.closedResult()))
			.param("estimatedValue", event.estimatedValue())
			.param("scoredAt", Columns.of(event.occurredAt()))
			.update();
		this.scoresStored.increment();
		log.debug("Stored score of {} version {} of agency {}{}", event.jobKey(), event.version(), event.agencyId(),
				(changed == 0) ? " (older than the one kept)" : "");
	}

	/**
	 * Keeps every pursuit event, whether or not its listing's score has arrived yet.
	 */
	void pursuitAdvanced(PursuitAdvanced event) {
		this.jdbc.sql("""
				insert into pursuit_events (event_id, agency_id, job_key, action, stage, outcome, freelancer_id,
				                            occurred_at, connects_spent, contract_value, reason)
				values (:eventId, :agency, :jobKey, :action, :stage, :outcome, :freelancerId, :occurredAt,
				        :connectsSpent, :contractValue, :reason)
				on conflict (event_id) do nothing
				""")
			.param("eventId", event.eventId())
			.param("agency", event.agencyId())
			.param("jobKey", event.jobKey())
			.param("action", Columns.name(event.action()))
			.param("stage", Columns.name(event.stage()))
			.param("outcome", Columns.name(event.outcome()))
			.param("freelancerId", event.freelancerId())
			.param("occurredAt", Columns.of(event.occurredAt()))
			.param("connectsSpent", event.connectsSpent())
			.param("contractValue", event.contractValue())
			.param("reason", Columns.name(event.reason()))
			.update();
		this.pursuitEventsStored.increment();
		log.debug("Stored pursuit event {} {} of {} for agency {}", event.eventId(), event.action(), event.jobKey(),
				event.agencyId());
	}

}
