package com.bidstream.reporting.market;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.ListingScored;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.platform.jdbc.KeyRounds;
import com.bidstream.reporting.intake.ReportingSink;

/**
 * Keeps the market facts of each listing's latest score, a poll batch per statement. A
 * higher version replaces the row, the same version re-scored later replaces it, an older
 * version arriving late does not (as {@code listing_scores} does).
 */
@Component
@Order(30)
class MarketSink implements ReportingSink {

	private final JdbcClient jdbc;

	MarketSink(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void listingsScored(List<ListingScored> events) {
		KeyRounds.of(events, BidstreamEvent::key).forEach(this::store);
	}

	private void store(List<ListingScored> round) {
		this.jdbc
			.sql("""
					insert into market_listings (agency_id, job_key, version, scored_at, period_at, category, segment,
					                             skills, estimated_value, proposals, ai_work, ai_exposure, decision)
					select u.agency_id, u.job_key, u.version, u.scored_at,
					       coalesce(least(u.posted_at, u.first_ingested_at), u.scored_at), u.category, u.segment,
					       u.skills::text[], u.estimated_value, u.proposals, u.ai_work, u.ai_exposure, u.decision
					  from unnest(?::text[], ?::text[], ?::int[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[],
					              ?::text[], ?::text[], ?::text[], ?::numeric[], ?::int[], ?::boolean[], ?::text[], ?::text[])
					       as u(agency_id, job_key, version, scored_at, posted_at, first_ingested_at, category, segment,
					            skills, estimated_value, proposals, ai_work, ai_exposure, decision)
					on conflict (agency_id, job_key) do update
					   set version = excluded.version, scored_at = excluded.scored_at, period_at = excluded.period_at,
					       category = excluded.category, segment = excluded.segment, skills = excluded.skills,
					       estimated_value = excluded.estimated_value, proposals = excluded.proposals,
					       ai_work = excluded.ai_work, ai_exposure = excluded.ai_exposure, decision = excluded.decision
					 where excluded.version > market_listings.version
					    or (excluded.version = market_listings.version and excluded.scored_at >= market_listings.scored_at)
					""")
			.params(ColumnArrays.of(round)
				.text(ListingScored::agencyId)
				.text(ListingScored::jobKey)
				.integer(ListingScored::version)
				.timestamp(ListingScored::occurredAt)
				.timestamp(ListingScored::postedAt)
				.timestamp(ListingScored::firstIngestedAt)
				.text(ListingScored::category)
				.text(ListingScored::segment)
				.text((event) -> arrayLiteral(event.skills()))
				.decimal(ListingScored::estimatedValue)
				.integer(ListingScored::proposals)
				.bool(ListingScored::aiWork)
				.text((event) -> (event.aiExposure() != null) ? event.aiExposure().name() : null)
				.text((event) -> (event.decision() != null) ? event.decision().name() : null)
				.values())
			.update();
	}

	/**
	 * The skills as a PostgreSQL array literal ({@code {"Java","Spring Boot"}}), since
	 * one array parameter cannot hold arrays of different lengths. Skills are trimmed,
	 * blank ones dropped and each kept once, so a listing counts once in a skill's group.
	 */
	static String arrayLiteral(List<String> skills) {
		Set<String> distinct = skills.stream()
			.filter((skill) -> skill != null && !skill.isBlank())
			.map(String::strip)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return distinct.stream()
			.map((skill) -> '"' + skill.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
			.collect(Collectors.joining(",", "{", "}"));
	}

}
