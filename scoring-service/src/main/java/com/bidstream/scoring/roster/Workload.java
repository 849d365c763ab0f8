package com.bidstream.scoring.roster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.jdbc.ColumnArrays;

/**
 * Who holds each pursuit ({@code pursuit_holders}), from {@code pursuits.events}, by
 * tracking's rules: a {@code CLAIM} or {@code PROPOSAL_SENT} makes its freelancer the
 * holder, a {@code RELEASE} hands the pursuit back, and any other event leaves the holder
 * as it is (a freelancer an event names is who acted, not who holds). A pursuit is open
 * while it has a holder and is not hired, lost or withdrawn. The roster reads each
 * freelancer's open pursuits against their {@code capacity}.
 * <p>
 * A poll batch applies its events in order onto the stored rows, one statement to read
 * and one to write. An event recorded (tracking's {@code recordedAt}) before what is
 * stored already, such as a redriven dead letter, changes nothing.
 */
@Component
public class Workload {

	private static final Logger log = LoggerFactory.getLogger(Workload.class);

	private final JdbcClient jdbc;

	Workload(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A pursuit's holder (or null), whether it is open, and its latest event's time. */
	record Holding(String agencyId, String jobKey, String holder, boolean open, Instant recordedAt) {

		/**
		 * This pursuit after {@code event}; itself for an event recorded before it.
		 */
		Holding after(PursuitAdvanced event, Instant at) {
			if (this.recordedAt != null && at.isBefore(this.recordedAt)) {
				return this;
			}
			String next = switch (event.action()) {
				case CLAIM, PROPOSAL_SENT -> (event.freelancerId() != null) ? event.freelancerId() : this.holder;
				case RELEASE -> null;
				default -> this.holder;
			};
			boolean closed = event.outcome() != null || event.stage() == Stage.HIRED;
			return new Holding(this.agencyId, this.jobKey, next, next != null && !closed, at);
		}

	}

	public void record(List<PursuitAdvanced> events) {
		Map<String, Holding> holdings = stored(events);
		int skipped = 0;
		for (PursuitAdvanced event : events) {
			Instant at = (event.recordedAt() != null) ? event.recordedAt() : event.occurredAt();
			if (at == null || event.action() == null) {
				skipped++;
				continue;
			}
			holdings.compute(key(event.agencyId(), event.jobKey()), (key,
					was) -> ((was != null) ? was : new Holding(event.agencyId(), event.jobKey(), null, false, null))
						.after(event, at));
		}
		if (skipped > 0) {
			log.warn("{} pursuit events without an action or a time left who holds their pursuits as it was", skipped);
		}
		List<Holding> rows = holdings.values().stream().filter((holding) -> holding.recordedAt() != null).toList();
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into pursuit_holders as h (agency_id, job_key, freelancer_id, open, recorded_at)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
				on conflict (agency_id, job_key) do update
				   set freelancer_id = excluded.freelancer_id, open = excluded.open, recorded_at = excluded.recorded_at
				 where excluded.recorded_at >= h.recorded_at
				""")
			.params(ColumnArrays.of(rows)
				.text(Holding::agencyId)
				.text(Holding::jobKey)
				.text(Holding::holder)
				.bool(Holding::open)
				.timestamp(Holding::recordedAt)
				.values())
			.update();
	}

	private Map<String, Holding> stored(List<PursuitAdvanced> events) {
		Map<String, Holding> holdings = new LinkedHashMap<>();
		if (events.isEmpty()) {
			return holdings;
		}
		this.jdbc.sql("""
				select h.agency_id, h.job_key, h.freelancer_id, h.open, h.recorded_at
				  from pursuit_holders h
				  join unnest(?::text[], ?::text[]) k (agency_id, job_key)
				    on h.agency_id = k.agency_id and h.job_key = k.job_key
				""")
			.params(ColumnArrays.of(events).text(PursuitAdvanced::agencyId).text(PursuitAdvanced::jobKey).values())
			.query((rs, row) -> new Holding(rs.getString("agency_id"), rs.getString("job_key"),
					rs.getString("freelancer_id"), rs.getBoolean("open"), rs.getTimestamp("recorded_at").toInstant()))
			.list()
			.forEach((holding) -> holdings.put(key(holding.agencyId(), holding.jobKey()), holding));
		return holdings;
	}

	private static String key(String agencyId, String jobKey) {
		return agencyId + "\u0000" + jobKey;
	}

}
