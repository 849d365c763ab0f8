package com.bidstream.scoring.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.jdbc.ColumnArrays;

/**
 * Who holds each pursuit ({@code pursuit_holders}), from {@code pursuits.events}: a
 * pursuit is open for its freelancer from the claim until it is hired, lost, withdrawn or
 * released back to the queue. The roster reads each freelancer's open pursuits against
 * their {@code capacity}. A poll batch is one statement: the latest event of each pursuit
 * by tracking's {@code recordedAt}, kept only if it is not older than the stored one, so
 * an event applied again or late changes nothing.
 */
@Component
public class Workload {

	private final JdbcClient jdbc;

	Workload(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(List<PursuitAdvanced> events) {
		Map<String, PursuitAdvanced> latest = new LinkedHashMap<>();
		for (PursuitAdvanced event : events) {
			latest.merge(event.agencyId() + "\u0000" + event.jobKey(), event,
					(was, next) -> recordedAt(next).isBefore(recordedAt(was)) ? was : next);
		}
		if (latest.isEmpty()) {
			return;
		}
		List<PursuitAdvanced> rows = new ArrayList<>(latest.values());
		this.jdbc.sql("""
				insert into pursuit_holders as h (agency_id, job_key, freelancer_id, open, recorded_at)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
				on conflict (agency_id, job_key) do update
				   set freelancer_id = excluded.freelancer_id, open = excluded.open, recorded_at = excluded.recorded_at
				 where excluded.recorded_at >= h.recorded_at
				""")
			.params(ColumnArrays.of(rows)
				.text(PursuitAdvanced::agencyId)
				.text(PursuitAdvanced::jobKey)
				.text(PursuitAdvanced::freelancerId)
				.bool(Workload::open)
				.timestamp(Workload::recordedAt)
				.values())
			.update();
	}

	/**
	 * Held by a freelancer, claimed and not yet hired, lost or withdrawn.
	 */
	static boolean open(PursuitAdvanced event) {
		return event.freelancerId() != null && event.outcome() == null && event.stage() != null
				&& event.stage().compareTo(Stage.CLAIMED) >= 0 && event.stage().compareTo(Stage.HIRED) < 0;
	}

	private static Instant recordedAt(PursuitAdvanced event) {
		return (event.recordedAt() != null) ? event.recordedAt() : event.occurredAt();
	}

}
