package com.bidstream.tracking.pursuits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.tracking.pursuits.FunnelRecorder.Recorded;

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
	 * Creates each pursuit in {@code NEW} with its score, unless it exists (each listing
	 * at most once).
	 * @return the keys ({@code agencyId|jobKey}) of those created
	 */
	Set<String> createAllIfAbsent(List<ListingScored> scored, Instant now) {
		return new HashSet<>(this.jdbc.sql("""
				insert into pursuits (agency_id, job_key, stage, score, decision, segment, score_version, scored_at,
				                      created_at, updated_at)
				select agency_id, job_key, 'NEW', score, decision, segment, score_version, scored_at, ?, ?
				from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])
				    as scored (agency_id, job_key, score, decision, segment, score_version, scored_at)
				order by agency_id, job_key
				on conflict (agency_id, job_key) do nothing
				returning agency_id, job_key
				""")
			.params(prepend(scoreColumns(scored), SqlValues.time(now), SqlValues.time(now)))
			.query((rs, row) -> Topics.key(rs.getString(1), rs.getString(2)))
			.list());
	}

	/**
	 * Takes the scores of listings whose pursuits hold an older one (each listing at most
	 * once).
	 */
	void updateScores(List<ListingScored> scored, Instant now) {
		if (scored.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update pursuits p set score = s.score, decision = s.decision, segment = s.segment,
				                      score_version = s.score_version, scored_at = s.scored_at, updated_at = ?
				from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::int[], ?::timestamptz[])
				    as s (agency_id, job_key, score, decision, segment, score_version, scored_at)
				where p.agency_id = s.agency_id and p.job_key = s.job_key
				""").params(prepend(scoreColumns(scored), SqlValues.time(now))).update();
	}

	/**
	 * The pursuits of these listings, their rows locked until the transaction ends (in
	 * key order, as every writer locks), by key ({@code agencyId|jobKey}).
	 */
	Map<String, Pursuit> lockAll(List<ListingScored> scored) {
		Map<String, Pursuit> locked = new HashMap<>();
		this.jdbc.sql("select " + COLUMNS + """
				 from pursuits
				where (agency_id, job_key) in (select * from unnest(?::text[], ?::text[]))
				order by agency_id, job_key for update""")
			.params(ColumnArrays.of(scored).text(ListingScored::agencyId).text(ListingScored::jobKey).values())
			.query(PursuitStore::pursuit)
			.list()
			.forEach((pursuit) -> locked.put(Topics.key(pursuit.agencyId(), pursuit.jobKey()), pursuit));
		return locked;
	}

	/**
	 * The columns of a score: agency, jobKey, score, decision, segment, version, scored
	 * at.
	 */
	private static Object[] scoreColumns(List<ListingScored> scored) {
		return ColumnArrays.of(scored)
			.text(ListingScored::agencyId)
			.text(ListingScored::jobKey)
			.integer(ListingScored::score)
			.text((event) -> SqlValues.name(event.decision()))
			.text(ListingScored::segment)
			.integer(ListingScored::version)
			.timestamp(ListingScored::occurredAt)
			.values();
	}

	private static Object[] prepend(Object[] columns, Object... first) {
		Object[] all = new Object[first.length + columns.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(columns, 0, all, first.length, columns.length);
		return all;
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

	/**
	 * Moves each recorded pursuit to its new state, in one statement.
	 */
	void advanceAll(List<Recorded> recorded, Instant now) {
		this.jdbc.sql("""
				update pursuits p set stage = s.stage, outcome = s.outcome, freelancer_id = s.freelancer_id,
				                      reason = s.reason, updated_at = ?
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as s (agency_id, job_key, stage, outcome, freelancer_id, reason)
				where p.agency_id = s.agency_id and p.job_key = s.job_key
				""")
			.params(prepend(ColumnArrays.of(recorded)
				.text((step) -> step.pursuit().agencyId())
				.text((step) -> step.pursuit().jobKey())
				.text((step) -> step.next().stage().name())
				.text((step) -> SqlValues.name(step.next().outcome()))
				.text((step) -> step.next().holder())
				.text((step) -> SqlValues.name(step.next().reason()))
				.values(), SqlValues.time(now)))
			.update();
	}

	List<Pursuit> list(PursuitQuery query) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from pursuits where true");
		query.agencyId().ifPresent((agency) -> sql.append(" and agency_id = :agency"));
		query.stage().ifPresent((stage) -> sql.append(" and stage = :stage"));
		query.outcome().ifPresent((outcome) -> sql.append(" and outcome = :outcome"));
		query.freelancerId().ifPresent((freelancer) -> sql.append(" and freelancer_id = :freelancer"));
		query.segment().ifPresent((segment) -> sql.append(" and segment = :segment"));
		sql.append(" order by created_at desc, agency_id, job_key limit :limit");
		return this.jdbc.sql(sql.toString())
			.param("agency", query.agencyId().orElse(null))
			.param("stage", query.stage().map(Stage::name).orElse(null))
			.param("outcome", query.outcome().map(Enum::name).orElse(null))
			.param("freelancer", query.freelancerId().orElse(null))
			.param("segment", query.segment().orElse(null))
			.param("limit", query.limit())
			.query(PursuitStore::pursuit)
			.list();
	}

	List<Pursuit> lookup(String agencyId, List<String> jobKeys) {
		if (jobKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from pursuits where agency_id = ? and job_key = any(?::text[]) order by job_key")
			.params(agencyId, jobKeys.toArray(String[]::new))
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
