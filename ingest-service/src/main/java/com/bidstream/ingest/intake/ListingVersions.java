package com.bidstream.ingest.intake;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.bidstream.ingest.listing.BatchPlan.Item;

/**
 * The {@code listings} table: per agency and jobKey, the current version and the hash of
 * its content (not the listing itself).
 */
@Repository
class ListingVersions {

	/**
	 * One statement per round: a new jobKey is version 1, a changed content the next
	 * version, the same content no row at all (a duplicate). The row lock taken by the
	 * upsert makes concurrent posts of one listing count each version once; rows are
	 * written in jobKey order so that two batches lock in the same order.
	 */
	private static final String UPSERT = """
			insert into listings (agency_id, job_key, version, content_hash, first_accepted_at, last_accepted_at)
			select ?, item.job_key, 1, decode(item.content_hash, 'hex'), ?, ?
			from unnest(?::text[], ?::text[]) as item (job_key, content_hash)
			order by item.job_key
			on conflict (agency_id, job_key) do update
			    set version = listings.version + 1,
			        content_hash = excluded.content_hash,
			        last_accepted_at = excluded.last_accepted_at
			    where listings.content_hash <> excluded.content_hash
			returning job_key, version, first_accepted_at""";

	private final JdbcTemplate jdbc;

	ListingVersions(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes one round (each jobKey at most once) and answers the versions written, by
	 * jobKey; a jobKey missing from the answer was a duplicate.
	 */
	Map<String, Written> upsert(String agency, Instant now, List<Item> round) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		Map<String, Written> written = new HashMap<>();
		this.jdbc.query((connection) -> {
			PreparedStatement statement = connection.prepareStatement(UPSERT);
			Array jobKeys = connection.createArrayOf("text", round.stream().map(Item::jobKey).toArray());
			Array hashes = connection.createArrayOf("text", round.stream().map(Item::contentHash).toArray());
			statement.setString(1, agency);
			statement.setObject(2, at);
			statement.setObject(3, at);
			statement.setArray(4, jobKeys);
			statement.setArray(5, hashes);
			return statement;
		}, (row) -> {
			written.put(row.getString(1),
					new Written(row.getInt(2), row.getObject(3, OffsetDateTime.class).toInstant()));
		});
		return written;
	}

	record Written(int version, Instant firstAcceptedAt) {

	}

}
