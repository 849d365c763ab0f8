package com.bidstream.scoring.scores;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JavaType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.UnreadableEventException;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.scoring.model.Assessment;
import com.bidstream.scoring.model.Match;

/**
 * The latest score of each agency's listing: one row per (agency, jobKey).
 */
@Repository
class ScoreStore {

	private static final JavaType SIGNALS = EventCodec.mapper()
		.getTypeFactory()
		.constructCollectionType(List.class, Signal.class);

	private static final JavaType MATCHES = EventCodec.mapper()
		.getTypeFactory()
		.constructCollectionType(List.class, Match.class);

	private static final JavaType STRINGS = EventCodec.mapper()
		.getTypeFactory()
		.constructCollectionType(List.class, String.class);

	/**
	 * The latest score of a listing wins (a later version, or the same version scored
	 * again); a whole batch in one statement, one array per column, and the keys of the
	 * rows actually stored come back.
	 */
	private static final String UPSERT_ALL = """
			insert into scores (agency_id, job_key, version, score, decision, segment, budget_band, ai_work,
			    ai_exposure, signals, red_flags, model_version, profile_version, scored_at, closed, title, url,
			    matches, ingested, assessed_as_of)
			select * from unnest(?::text[], ?::text[], ?::int[], ?::int[], ?::text[], ?::text[], ?::text[],
			    ?::boolean[], ?::text[], ?::jsonb[], ?::jsonb[], ?::text[], ?::int[], ?::timestamptz[], ?::boolean[],
			    ?::text[], ?::text[], ?::jsonb[], ?::jsonb[], ?::timestamptz[])
			on conflict (agency_id, job_key) do update set version = excluded.version, score = excluded.score,
			    decision = excluded.decision, segment = excluded.segment, budget_band = excluded.budget_band,
			    ai_work = excluded.ai_work, ai_exposure = excluded.ai_exposure, signals = excluded.signals,
			    red_flags = excluded.red_flags, model_version = excluded.model_version,
			    profile_version = excluded.profile_version, scored_at = excluded.scored_at, closed = excluded.closed,
			    title = excluded.title, url = excluded.url, matches = excluded.matches, ingested = excluded.ingested,
			    assessed_as_of = excluded.assessed_as_of
			where scores.version < excluded.version
			   or (scores.version = excluded.version and scores.scored_at <= excluded.scored_at)
			returning agency_id, job_key""";

	private static final String COLUMNS = "select agency_id, job_key, version, score, decision, segment, budget_band, "
			+ "ai_work, ai_exposure, signals, red_flags, model_version, scored_at, title, url, matches from scores ";

	private static final String RANK_ORDER = "score desc, scored_at desc, agency_id, job_key";

	private final JdbcClient jdbc;

	ScoreStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores each score unless a later version of its listing is stored already; at most
	 * one score per listing (a batch with more goes in {@code KeyRounds}).
	 * @return the keys ({@code agencyId|jobKey}) of the scores stored
	 */
	Set<String> saveAll(List<NewScore> scores) {
		if (scores.isEmpty()) {
			return Set.of();
		}
		Object[] columns = ColumnArrays.of(scores)
			.text((score) -> score.event().agencyId())
			.text((score) -> score.event().jobKey())
			.integer((score) -> score.event().version())
			.integer((score) -> score.assessment().score())
			.text((score) -> score.assessment().decision().name())
			.text((score) -> score.assessment().segment())
			.text((score) -> score.assessment().budgetBand().name())
			.bool((score) -> score.assessment().aiWork())
			.text((score) -> score.assessment().aiExposure().name())
			.text((score) -> EventCodec.toJson(score.assessment().signals()))
			.text((score) -> EventCodec.toJson(score.assessment().redFlags()))
			.text(NewScore::modelVersion)
			.integer(NewScore::profileVersion)
			.timestamp(NewScore::scoredAt)
			.bool((score) -> score.event().listing().closed() != null)
			.text((score) -> score.event().listing().title())
			.text((score) -> score.event().listing().url())
			.text((score) -> EventCodec.toJson(score.assessment().matches()))
			.text((score) -> EventCodec.toJson(score.event()))
			.timestamp(NewScore::assessedAsOf)
			.values();
		return new HashSet<>(this.jdbc.sql(UPSERT_ALL)
			.params(columns)
			.query((rs, row) -> rs.getString(1) + "|" + rs.getString(2))
			.list());
	}

	/**
	 * A score to store: the listing version it scored, its assessment, what it was made
	 * with, when, and the time its signals were assessed as of (when it is scored, or for
	 * a rescore the replaced score's).
	 */
	record NewScore(ListingIngested event, Assessment assessment, String modelVersion, int profileVersion,
			Instant scoredAt, Instant assessedAsOf) {

		String key() {
			return this.event.key();
		}

	}

	/**
	 * The next scores of an agency to score again, in jobKey order after {@code after}:
	 * the listing version each scored, when, and what it said. A stored version that no
	 * longer reads (the contract moved on) comes back without its event, to be stepped
	 * over rather than stop the rescore.
	 */
	List<Stored> toRescore(String agencyId, String after, int limit) {
		return this.jdbc.sql("""
				select job_key, ingested, coalesce(assessed_as_of, scored_at) as assessed_as_of, score, decision,
				       segment, budget_band, ai_work, ai_exposure, signals, red_flags, matches
				  from scores
				 where agency_id = ? and job_key > ? and ingested is not null
				 order by job_key limit ?
				""")
			.params(agencyId, after, limit)
			.query((rs, row) -> new Stored(rs.getString("job_key"), readable(rs.getString("ingested")),
					rs.getTimestamp("assessed_as_of").toInstant(),
					new Facts(rs.getInt("score"), Decision.valueOf(rs.getString("decision")), rs.getString("segment"),
							BudgetBand.valueOf(rs.getString("budget_band")), rs.getBoolean("ai_work"),
							AiExposure.valueOf(rs.getString("ai_exposure")),
							EventCodec.mapper().readValue(rs.getString("signals"), SIGNALS),
							EventCodec.mapper().readValue(rs.getString("red_flags"), STRINGS),
							EventCodec.mapper().readValue(rs.getString("matches"), MATCHES))))
			.list();
	}

	private static @Nullable ListingIngested readable(String json) {
		try {
			return EventCodec.read(json.getBytes(StandardCharsets.UTF_8), ListingIngested.class);
		}
		catch (UnreadableEventException ex) {
			return null;
		}
	}

	int countRescorable(String agencyId) {
		return this.jdbc.sql("select count(*) from scores where agency_id = ? and ingested is not null")
			.param(agencyId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A stored score: the listing version it scored (null when it no longer reads), the
	 * time its signals were assessed as of, and what it said.
	 */
	record Stored(String jobKey, @Nullable ListingIngested event, Instant assessedAsOf, Facts facts) {

	}

	/**
	 * What a score says, to tell whether scoring again changed it.
	 */
	record Facts(int score, Decision decision, String segment, BudgetBand budgetBand, boolean aiWork,
			AiExposure aiExposure, List<Signal> signals, List<String> redFlags, List<Match> matches) {

		static Facts of(Assessment assessment) {
			return new Facts(assessment.score(), assessment.decision(), assessment.segment(), assessment.budgetBand(),
					assessment.aiWork(), assessment.aiExposure(), assessment.signals(), assessment.redFlags(),
					assessment.matches());
		}

	}

	Optional<ScoreView> find(String agencyId, String jobKey) {
		return this.jdbc.sql(COLUMNS + "where agency_id = ? and job_key = ?")
			.params(agencyId, jobKey)
			.query(ScoreStore::view)
			.optional();
	}

	/**
	 * The open (not closed) listings of one agency, or of every agency, best score first.
	 */
	List<ScoreView> ranked(Optional<String> agencyId, ScoreQuery query) {
		Statement ranking = ranking(agencyId, query);
		return this.jdbc.sql(ranking.sql()).params(ranking.params()).query(ScoreStore::view).list();
	}

	/**
	 * The ranking's statement: one branch per decision asked for, each read in the order
	 * of the index {@code scores_open_by_decision} and cut at the page's end, then
	 * merged. A branch of one decision reads only that decision's listings, however many
	 * of another decision rank above them.
	 */
	static Statement ranking(Optional<String> agencyId, ScoreQuery query) {
		List<Decision> decisions = query.decision().map(List::of).orElse(List.of(Decision.values()));
		StringBuilder sql = new StringBuilder("select * from (");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < decisions.size(); i++) {
			sql.append((i > 0) ? " union all (" : "(").append(COLUMNS).append("where not closed and decision = ?");
			params.add(decisions.get(i).name());
			agencyId.ifPresent((agency) -> {
				sql.append(" and agency_id = ?");
				params.add(agency);
			});
			query.minScore().ifPresent((minScore) -> {
				sql.append(" and score >= ?");
				params.add(minScore);
			});
			sql.append(" order by ").append(RANK_ORDER).append(" limit ?)");
			params.add(query.offset() + query.limit());
		}
		sql.append(") ranked order by ").append(RANK_ORDER).append(" limit ? offset ?");
		params.add(query.limit());
		params.add(query.offset());
		return new Statement(sql.toString(), params);
	}

	record Statement(String sql, List<Object> params) {

	}

	private static ScoreView view(ResultSet rs, int row) throws SQLException {
		return new ScoreView(rs.getString("job_key"), rs.getString("agency_id"), rs.getString("title"),
				rs.getString("url"), rs.getInt("version"), rs.getInt("score"),
				Decision.valueOf(rs.getString("decision")), rs.getString("segment"),
				BudgetBand.valueOf(rs.getString("budget_band")), rs.getBoolean("ai_work"),
				AiExposure.valueOf(rs.getString("ai_exposure")),
				EventCodec.mapper().readValue(rs.getString("signals"), SIGNALS),
				EventCodec.mapper().readValue(rs.getString("red_flags"), STRINGS),
				EventCodec.mapper().readValue(rs.getString("matches"), MATCHES), rs.getString("model_version"),
				rs.getTimestamp("scored_at").toInstant());
	}

}
