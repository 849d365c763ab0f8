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
 * {@code (agency_id, source, last_ingested_at)}: one pass over the index, read by the
 * sampler, not per request.
 */
@Component
class SourceReader {

	private final JdbcClient jdbc;

	SourceReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SourceFigures> read(Instant now) {
		return this.jdbc.sql("""
				select agency_id, source, max(last_ingested_at) as last_listing_at,
				       count(*) filter (where last_ingested_at >= :day) as listings24h,
				       count(*) filter (where last_ingested_at >= :week) as listings7d
				  from listings
				 group by agency_id, source
				 order by agency_id, source
				""")
			.param("day", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
			.param("week", now.minus(SourceFigures.WEEK).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> new SourceFigures(rs.getString("agency_id"), rs.getString("source"),
					rs.getObject("last_listing_at", OffsetDateTime.class).toInstant(), rs.getLong("listings24h"),
					rs.getLong("listings7d")))
			.list();
	}

}
