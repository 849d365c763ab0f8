package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every agency's sources from the stored listings, by the index on
 * {@code (agency_id, source, last_ingested_at)}, read by the sampler, not per request.
 * The pairs are found by skipping through the index (one probe per agency and source, as
 * PostgreSQL has no skip scan of its own), then each pair's latest listing is one probe
 * and its counts a range of the last 7 days. The sampler's cost so grows with sources and
 * the last week's listings, never with all the listings ever stored: one pass over the
 * whole index every 5 s took a core's worth of time at a million listings.
 */
@Component
class SourceReader {

	private final JdbcClient jdbc;

	SourceReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SourceFigures> read(Instant now) {
		return this.jdbc.sql("""
				with recursive pairs (agency_id, source) as (
				    (select agency_id, source from listings order by agency_id, source limit 1)
				    union all
				    select next.agency_id, next.source
				      from pairs p
				      cross join lateral (select l.agency_id, l.source from listings l
				                           where (l.agency_id, l.source) > (p.agency_id, p.source)
				                           order by l.agency_id, l.source limit 1) next
				)
				select p.agency_id, p.source,
				       (select max(l.last_ingested_at) from listings l
				         where l.agency_id = p.agency_id and l.source = p.source) as last_listing_at,
				       week.listings24h, week.listings7d
				  from pairs p
				  cross join lateral (select count(*) filter (where l.last_ingested_at >= :day) as listings24h,
				                             count(*) as listings7d
				                        from listings l
				                       where l.agency_id = p.agency_id and l.source = p.source
				                         and l.last_ingested_at >= :week) week
				 order by p.agency_id, p.source
				""")
			.param("day", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.param("week", now.minus(SourceFigures.WEEK).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new SourceFigures(rs.getString("agency_id"), rs.getString("source"),
					rs.getObject("last_listing_at", OffsetDateTime.class).toInstant(), rs.getLong("listings24h"),
					rs.getLong("listings7d")))
			.list();
	}

}
