package com.bidstream.reporting.deadletters;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dead letters redriven so far ({@code dead_letter_redrives}): when each was last
 * sent back and how often. A dead letter stays on its topic after a redrive (the broker
 * keeps it until its retention ends), so this is what tells a handled one from one that
 * waits for an operator.
 */
class RedriveLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	RedriveLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that the broker acknowledged these dead letters' redrive, now.
	 */
	void redriven(List<String> ids) {
		if (ids.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into dead_letter_redrives (dead_letter_id, last_redriven_at, redrives)
				select id, ?, count(*) from unnest(?::text[]) as id group by id
				on conflict (dead_letter_id) do update
				   set last_redriven_at = excluded.last_redriven_at,
				       redrives = dead_letter_redrives.redrives + excluded.redrives
				""").params(Timestamp.from(this.clock.instant()), ids.toArray(String[]::new)).update();
	}

	/**
	 * The redrives of these dead letters, by id; an id never redriven is absent.
	 */
	Map<String, Redriven> of(Collection<String> ids) {
		Map<String, Redriven> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc
			.sql("select dead_letter_id, last_redriven_at, redrives from dead_letter_redrives "
					+ "where dead_letter_id = any(?::text[])")
			.param(ids.toArray(String[]::new))
			.query((row, n) -> found.put(row.getString(1),
					new Redriven(row.getTimestamp(2).toInstant(), row.getInt(3))))
			.list();
		return found;
	}

	record Redriven(Instant at, int times) {

	}

}
