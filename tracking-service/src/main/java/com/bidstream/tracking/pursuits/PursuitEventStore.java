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

	void insertEvent(String agencyId, String jobKey, HistoryEntry entry) {
		this.jdbc.sql("""
				insert into pursuit_events (event_id, agency_id, job_key, type, freelancer_id, occurred_at,
				                            connects_spent, bid_amount, contract_value, reason, note, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(entry.eventId(), agencyId, jobKey, entry.type().name(), entry.freelancerId(),
					SqlValues.time(entry.occurredAt()), entry.connectsSpent(), entry.bidAmount(), entry.contractValue(),
					SqlValues.name(entry.reason()), entry.note(), SqlValues.time(entry.recordedAt()))
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
