package com.bidstream.tracking.pursuits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.tracking.pursuits.FunnelRecorder.Recorded;

/**
 * The {@code pursuit_events} table: each pursuit's history, and which event ids are
 * taken.
 */
@Repository
class PursuitEventStore {

	private final JdbcClient jdbc;

	PursuitEventStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The history rows of recorded steps, in order, in one statement.
	 */
	void insertAll(List<Recorded> recorded) {
		this.jdbc.sql("""
				insert into pursuit_events (event_id, agency_id, job_key, type, freelancer_id, occurred_at,
				                            connects_spent, bid_amount, contract_value, reason, note, recorded_at)
				select event_id, agency_id, job_key, type, freelancer_id, occurred_at, connects_spent, bid_amount,
				       contract_value, reason, note, recorded_at
				from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[],
				            ?::numeric[], ?::numeric[], ?::text[], ?::text[], ?::timestamptz[])
				    with ordinality as entry (event_id, agency_id, job_key, type, freelancer_id, occurred_at,
				                              connects_spent, bid_amount, contract_value, reason, note, recorded_at, n)
				order by n
				""")
			.params(ColumnArrays.of(recorded)
				.text((step) -> step.entry().eventId().toString())
				.text((step) -> step.pursuit().agencyId())
				.text((step) -> step.pursuit().jobKey())
				.text((step) -> step.entry().type().name())
				.text((step) -> step.entry().freelancerId())
				.timestamp((step) -> step.entry().occurredAt())
				.integer((step) -> step.entry().connectsSpent())
				.decimal((step) -> step.entry().bidAmount())
				.decimal((step) -> step.entry().contractValue())
				.text((step) -> SqlValues.name(step.entry().reason()))
				.text((step) -> step.entry().note())
				.timestamp((step) -> step.entry().recordedAt())
				.values())
			.update();
	}

	/**
	 * The jobKey of the agency's pursuit that an event id was recorded for, if it was.
	 * Event ids are unique per agency: another agency's use of the same id is not seen.
	 */
	Optional<String> eventPursuit(String agencyId, UUID eventId) {
		return this.jdbc.sql("select job_key from pursuit_events where agency_id = ? and event_id = ?")
			.params(agencyId, eventId)
			.query(String.class)
			.optional();
	}

	List<HistoryEntry> history(String agencyId, String jobKey) {
		return this.jdbc.sql("""
				select event_id, type, freelancer_id, occurred_at, connects_spent, bid_amount, contract_value, reason,
				       note, recorded_at
				from pursuit_events where agency_id = ? and job_key = ? order by seq
				""").params(agencyId, jobKey).query(PursuitEventStore::historyEntry).list();
	}

	private static HistoryEntry historyEntry(ResultSet rs, int row) throws SQLException {
		return new HistoryEntry(rs.getObject("event_id", UUID.class), Action.valueOf(rs.getString("type")),
				rs.getString("freelancer_id"), SqlValues.instant(rs, "occurred_at"),
				rs.getObject("connects_spent", Integer.class), rs.getBigDecimal("bid_amount"),
				rs.getBigDecimal("contract_value"), SqlValues.value(LossReason.class, rs.getString("reason")),
				rs.getString("note"), SqlValues.instant(rs, "recorded_at"));
	}

}
