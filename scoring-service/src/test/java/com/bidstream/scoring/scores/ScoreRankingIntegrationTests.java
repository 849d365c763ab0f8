package com.bidstream.scoring.scores;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.bidstream.testsupport.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranking of {@code GET /api/v1/scores} on scoring's own tables in the embedded
 * PostgreSQL: an agency whose open PURSUE listings far outnumber the rest, as one that
 * pursued for a year has.
 */
class ScoreRankingIntegrationTests {

	static JdbcClient jdbc;

	static ScoreStore store;

	@BeforeAll
	static void seed() {
		var database = EmbeddedInfrastructure.get().database("scoring_ranking");
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		jdbc = JdbcClient.create(dataSource);
		store = new ScoreStore(jdbc);
		jdbc.sql("delete from scores").update();
		insert("busy", "p", "PURSUE", "70 + n % 30", 20_000, false);
		insert("busy", "r", "REVIEW", "50 + n % 20", 40, false);
		insert("busy", "s", "SKIP", "n % 100", 40, false);
		insert("busy", "closed", "REVIEW", "65", 5, true);
		insert("other", "r", "REVIEW", "69", 5, false);
		jdbc.sql("analyze scores").update();
	}

	private static void insert(String agency, String prefix, String decision, String score, int count, boolean closed) {
		jdbc.sql("""
				insert into scores (agency_id, job_key, version, score, decision, segment, budget_band, ai_work,
				                    ai_exposure, signals, red_flags, model_version, profile_version, scored_at, closed)
				select ?, 'upwork:~' || ? || n, 1, %s, ?, 'new', 'SMALL', false, 'AI_ASSISTED', '[]', '[]',
				       'default-1', 1, timestamptz '2026-11-01T00:00:00Z' + (n %% 7) * interval '1 hour', ?
				from generate_series(1, ?) n
				""".formatted(score)).params(agency, prefix, decision, closed, count).update();
	}

	@Test
	void oneDecisionsPageReadsThatDecisionsPartOfTheIndexNotTheListingsRankedAboveIt() {
		ScoreStore.Statement review = ScoreStore.ranking(Optional.of("busy"), ScoreQuery.of("REVIEW", null, "50", "0"));

		String plan = String.join("\n",
				jdbc.sql("explain " + review.sql()).params(review.params()).query(String.class).list());

		assertThat(plan).as(plan).contains("scores_open_by_decision").doesNotContain("Seq Scan");
		assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'scores_open_ranked'")
			.query(Integer.class)
			.single()).as("replaced, so a score written updates one ranking index").isZero();
	}

	@Test
	void everyRankingIsTheTablesOwnOrderPageByPage() {
		List<String[]> asked = List.of(new String[] { "REVIEW", null, "50", "0" },
				new String[] { "REVIEW", null, "7", "35" }, new String[] { "REVIEW", "60", "500", "0" },
				new String[] { "SKIP", null, "10", "30" }, new String[] { "PURSUE", null, "20", "9990" },
				new String[] { null, null, "30", "10000" }, new String[] { null, null, "500", "0" },
				new String[] { null, "55", "25", "9995" });
		for (String[] query : asked) {
			for (Optional<String> agency : List.of(Optional.of("busy"), Optional.<String>empty())) {
				ScoreQuery scoreQuery = ScoreQuery.of(query[0], query[1], query[2], query[3]);

				List<String> ranked = store.ranked(agency, scoreQuery)
					.stream()
					.map((score) -> score.agencyId() + "|" + score.jobKey())
					.toList();

				String label = String.join(",", java.util.Arrays.asList(query)) + " " + agency;
				assertThat(ranked).as(label).isNotEmpty().containsExactlyElementsOf(expected(agency, query));
			}
		}
	}

	/** The same page, read the plain way: every open listing sorted. */
	private static List<String> expected(Optional<String> agency, String[] query) {
		return jdbc.sql("""
				select agency_id || '|' || job_key from scores
				where not closed and (?::text is null or decision = ?) and (?::text is null or agency_id = ?)
				  and score >= coalesce(?::int, 0)
				order by score desc, scored_at desc, agency_id, job_key limit ?::int offset ?::int
				""")
			.params(query[0], query[0], agency.orElse(null), agency.orElse(null), query[1], query[2], query[3])
			.query(String.class)
			.list();
	}

}
