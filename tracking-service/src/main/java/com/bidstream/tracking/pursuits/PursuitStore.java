package com.bidstream.tracking.pursuits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.tracking.funnel.PursuitState;

/**
 * The {@code pursuits} table: where each pursuit stands and the score it holds.
 */
@Repository
class PursuitStore {

	private static final String COLUMNS = "agency_id, job_key, stage, outcome, freelancer_id, score, decision, segment, "
			+ "reason, score_version, scored_at, created_at, updated_at";

	private final JdbcClient jdbc;

	PursuitStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the pursuit in {@code NEW} with this score, unless it exists.
	 * @return true if it was created
	 */
	boolean createIfAbsent(ListingScored scored, Instant now) {
		return this.jdbc.sql("""
				insert into pursuits (agency_id, job_key, stage, score, decision, segment, score_version, scored_at,
				                      created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (agency_id, job_key) do nothing
				""")
			.params(scored.agencyId(), scored.jobKey(), Stage.NEW.name(), scored.score(),
					SqlValues.name(scored.decision()), scored.segment(), scored.version(),
					SqlValues.time(scored.occurredAt()), SqlValues.time(now), SqlValues.time(now))
			.update() == 1;
	}

	void updateScore(ListingScored scored, Instant now) {
		this.jdbc
			.sql("""
					update pursuits set score = ?, decision = ?, segment = ?, score_version = ?, scored_at = ?, updated_at = ?
					where agency_id = ? and job_key = ?
					""")
			.params(scored.score(), SqlValues.name(scored.decision()), scored.segment(), scored.version(),
					SqlValues.time(scored.occurredAt()), SqlValues.time(now), scored.agencyId(), scored.jobKey())
			.update();
	}

	/**
	 * The pursuit, its row locked until the transaction ends, so that events on one
	 * pursuit apply one after the other.
	 */
	Optional<Pursuit> lock(String agencyId, String jobKey) {
		return this.jdbc.sql("select " + COLUMNS + " from pursuits where agency_id = ? and job_key = ? for update")
			.params(agencyId, jobKey)
			.query(PursuitStore::pursuit)
			.optional();
	}

	Optional<Pursuit> find(String agencyId, String jobKey) {
		return this.jdbc.sql("select " + COLUMNS + " from pursuits where agency_id = ? and job_key = ?")
			.params(agencyId, jobKey)
			.query(PursuitStore::pursuit)
			.optional();
	}

	void advance(String agencyId, String jobKey, PursuitState state, Instant now) {
		this.jdbc.sql("""
				update pursuits set stage = ?, outcome = ?, freelancer_id = ?, reason = ?, updated_at = ?
				where agency_id = ? and job_key = ?
				""")
			.params(state.stage().name(), SqlValues.name(state.outcome()), state.holder(),
					SqlValues.name(state.reason()), SqlValues.time(now), agencyId, jobKey)
			.update();
	}

	List<Pursuit> list(PursuitQuery query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from pursuits where true");
		query.agencyId().ifPresent((agency) -> sql.append(" and agency_id = :agency"));
		query.stage().ifPresent((stage) -> sql.append(" and stage = :stage"));
		query.freelancerId().ifPresent((freelancer) -> sql.append(" and freelancer_id = :freelancer"));
		query.segment().ifPresent((segment) -> sql.append(" and segment = :segment"));
		sql.append(" order by created_at desc, agency_id, job_key limit :limit");
		return this.jdbc.sql(sql.toString())
			.param("agency", query.agencyId().orElse(null))
			.param("stage", query.stage().map(Stage::name).orElse(null))
			.param("freelancer", query.freelancerId().orElse(null))
			.param("segment", query.segment().orElse(null))
			.param("limit", query.limit())
			.query(PursuitStore::pursuit)
			.list();
	}

	private static Pursuit pursuit(ResultSet rs, int row) throws SQLException {
		return new Pursuit(rs.getString("agency_id"), rs.getString("job_key"), Stage.valueOf(rs.getString("stage")),
				SqlValues.value(Outcome.class, rs.getString("outcome")), rs.getString("freelancer_id"),
				rs.getObject("score", Integer.class), SqlValues.value(Decision.class, rs.getString("decision")),
				rs.getString("segment"), SqlValues.value(LossReason.class, rs.getString("reason")),
				rs.getObject("score_version", Integer.class), SqlValues.instant(rs, "scored_at"),
				SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
	}

}
