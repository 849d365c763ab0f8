package com.bidstream.reporting.intake;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.platform.jdbc.KeyRounds;

/**
 * Stores what reporting keeps of each event, a poll batch per statement. Runs inside the
 * consumer's transaction; every write tolerates versions arriving out of order. A batch
 * with several events of one listing is written in {@link KeyRounds}.
 */
@Component
@Order(0)
class EventRecorder implements ReportingSink {

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
	 * Keeps the latest version of each listing; its first ingest time never changes.
	 */
	@Override
	public void listingsIngested(List<ListingIngested> events) {
		KeyRounds.of(events, BidstreamEvent::key).forEach(this::storeListings);
		this.listingsStored.increment(events.size());
	}

	private void storeListings(List<ListingIngested> round) {
		this.jdbc.sql("""
				insert into listings (agency_id, job_key, source, category, first_ingested_at, latest_version,
				                      closed_result, last_ingested_at)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::text[],
				                     ?::timestamptz[])
				on conflict (agency_id, job_key) do update
				   set source = excluded.source, category = excluded.category,
				       latest_version = excluded.latest_version, closed_result = excluded.closed_result,
				       last_ingested_at = greatest(listings.last_ingested_at, excluded.last_ingested_at)
				 where excluded.latest_version >= listings.latest_version
				""")
			.params(ColumnArrays.of(round)
				.text(ListingIngested::agencyId)
				.text(ListingIngested::jobKey)
				.text((event) -> event.listing().source())
				.text((event) -> event.listing().category())
				.timestamp(ListingIngested::firstIngestedAt)
				.integer(ListingIngested::version)
				.text(EventRecorder::closedResult)
				.timestamp(ListingIngested::occurredAt)
				.values())
			.update();
	}

	private static String closedResult(ListingIngested event) {
		return (event.listing().closed() != null) ? Columns.name(event.listing().closed().result()) : null;
	}

	/**
	 * Keeps the latest score: a higher version replaces it, the same version re-scored
	 * later replaces it, an older version arriving late does not.
	 */
	@Override
	public void listingsScored(List<ListingScored> events) {
		KeyRounds.of(events, BidstreamEvent::key).forEach(this::storeScores);
		this.scoresStored.increment(events.size());
	}

	private void storeScores(List<ListingScored> round) {
		this.jdbc.sql("""
				insert into listing_scores (agency_id, job_key, version, score, decision, segment, budget_band,
				                            ai_work, ai_exposure, source, category, first_ingested_at,
				                            closed_result, estimated_value, scored_at)
				select * from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
				                     ?::boolean[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
				                     ?::numeric[], ?::timestamptz[])
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
			.params(ColumnArrays.of(round)
				.text(ListingScored::agencyId)
				.text(ListingScored::jobKey)
				.integer(ListingScored::version)
				.integer(ListingScored::score)
				.text((event) -> Columns.name(event.decision()))
				.text(ListingScored::segment)
				.text((event) -> Columns.name(event.budgetBand()))
				.bool(ListingScored::aiWork)
				.text((event) -> Columns.name(event.aiExposure()))
				.text(ListingScored::source)
				.text(ListingScored::category)
				.timestamp(ListingScored::firstIngestedAt)
				.text((event) -> Columns.name(event.closedResult()))
				.decimal(ListingScored::estimatedValue)
				.timestamp(ListingScored::occurredAt)
				.values())
			.update();
	}

	/**
	 * Keeps every pursuit event, whether or not its listing's score has arrived yet.
	 */
	@Override
	public void pursuitsAdvanced(List<PursuitAdvanced> events) {
		this.jdbc.sql("""
				insert into pursuit_events (event_id, agency_id, job_key, action, stage, outcome, freelancer_id,
				                            occurred_at, connects_spent, contract_value, reason)
				select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				                     ?::timestamptz[], ?::int[], ?::numeric[], ?::text[])
				on conflict (event_id) do nothing
				""")
			.params(ColumnArrays.of(events)
				.text((event) -> event.eventId().toString())
				.text(PursuitAdvanced::agencyId)
				.text(PursuitAdvanced::jobKey)
				.text((event) -> Columns.name(event.action()))
				.text((event) -> Columns.name(event.stage()))
				.text((event) -> Columns.name(event.outcome()))
				.text(PursuitAdvanced::freelancerId)
				.timestamp(PursuitAdvanced::occurredAt)
				.integer(PursuitAdvanced::connectsSpent)
				.decimal(PursuitAdvanced::contractValue)
				.text((event) -> Columns.name(event.reason()))
				.values())
			.update();
		this.pursuitEventsStored.increment(events.size());
	}

}
