package com.bidstream.reporting.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.reporting.funnel.PursuitStep;
import com.bidstream.reporting.funnel.ScoredListing;

/**
 * Reads a cohort: the scored listings whose first version was ingested in the period (one
 * query) and their pursuit events (one query). The first ingest time and how a listing
 * closed come from the newest of its score and its ingested version.
 */
@Repository
class CohortReader {

	private static final String COHORT = """
			from listing_scores s
			left join listings l on l.agency_id = s.agency_id and l.job_key = s.job_key
			where coalesce(s.first_ingested_at, l.first_ingested_at) >= :from
			  and coalesce(s.first_ingested_at, l.first_ingested_at) < :to
			""";

	private final JdbcClient jdbc;

	CohortReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ScoredListing> listings(Optional<String> agency, ReportPeriod period) {
		String sql = """
				select s.agency_id, s.job_key, s.segment, s.budget_band, coalesce(s.source, l.source) as source,
				       coalesce(s.category, l.category) as category, s.ai_work, s.ai_exposure,
				       case when l.latest_version > s.version then l.closed_result
				            else coalesce(s.closed_result, l.closed_result) end as closed_result
				""" + COHORT + scope(agency);
		return query(sql, agency, period).query(CohortReader::listing).list();
	}

	List<PursuitStep> steps(Optional<String> agency, ReportPeriod period) {
		String sql = """
				select e.agency_id, e.job_key, e.action, e.stage, e.outcome, e.freelancer_id, e.occurred_at,
				       e.connects_spent, e.contract_value
				""" + COHORT.replaceFirst("from listing_scores s", """
				from pursuit_events e
				join listing_scores s on s.agency_id = e.agency_id and s.job_key = e.job_key""") + scope(agency);
		return query(sql, agency, period).query(CohortReader::step).list();
	}

	private static String scope(Optional<String> agency) {
		return agency.isPresent() ? " and s.agency_id = :agency" : "";
	}

	private JdbcClient.StatementSpec query(String sql, Optional<String> agency, ReportPeriod period) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("from", period.from().atOffset(ZoneOffset.UTC))
			.param("to", period.to().atOffset(ZoneOffset.UTC));
		return agency.map((id) -> statement.param("agency", id)).orElse(statement);
	}

	private static ScoredListing listing(ResultSet rs, int row) throws SQLException {
		return new ScoredListing(rs.getString("agency_id"), rs.getString("job_key"), rs.getString("segment"),
				rs.getString("budget_band"), rs.getString("source"), rs.getString("category"), rs.getBoolean("ai_work"),
				rs.getString("ai_exposure"), rs.getString("closed_result"));
	}

	private static PursuitStep step(ResultSet rs, int row) throws SQLException {
		String stage = rs.getString("stage");
		String outcome = rs.getString("outcome");
		return new PursuitStep(rs.getString("agency_id"), rs.getString("job_key"),
				Action.valueOf(rs.getString("action")), (stage != null) ? Stage.valueOf(stage) : null,
				(outcome != null) ? Outcome.valueOf(outcome) : null, rs.getString("freelancer_id"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Integer) rs.getObject("connects_spent"),
				rs.getBigDecimal("contract_value"));
	}

}
