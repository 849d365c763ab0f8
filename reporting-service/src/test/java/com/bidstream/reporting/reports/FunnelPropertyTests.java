package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.reporting.funnel.FunnelAggregator;
import com.bidstream.reporting.funnel.FunnelRow;
import com.bidstream.reporting.funnel.GroupBy;
import com.bidstream.reporting.funnel.PursuitStep;
import com.bidstream.reporting.funnel.ScoredListing;
import com.bidstream.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays random event streams (shuffled across the three topics, redelivered, re-scored,
 * versions late, pursuit events before their score) through reporting's consumers, three
 * topics on three threads at once, then compares every cell of every grouping, with and
 * without {@code excludeNoHire}, over periods of whole months, whole days and partial
 * days, between the incremental store and a count from scratch over the stored rows. A
 * failure names the seed that reproduces it.
 */
@ServiceIntegrationTest(database = "reporting")
class FunnelPropertyTests {

	private static final Instant BASE = Instant.parse("2023-03-01T00:00:00Z");

	/** Listings are first ingested over this many days, so periods cross whole months. */
	private static final int DAYS = 75;

	private static final String[] SEGMENTS = { "enterprise", "established", "emerging", "new", null };

	private static final String[] SOURCES = { "upwork", "rss-dev", "webhook-x" };

	private static final String[] CATEGORIES = { "Web", "Data Science", null };

	private static final String[] FREELANCERS = { "fl-1", "fl-2", "fl-3", null };

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FunnelService funnels;

	@Autowired
	FunnelBackfill backfill;

	@Test
	void theKeptFunnelEqualsACountFromScratchForRandomStreams() throws Exception {
		for (long seed = 1; seed <= 5; seed++) {
			Random random = new Random(seed);
			String agency = "prop-" + seed + "-" + UUID.randomUUID().toString().substring(0, 6);
			Instant start = BASE.plus(Duration.ofDays(5 * seed));
			replay(random, events(random, agency, start));
			List<ReportPeriod> periods = new ArrayList<>(
					List.of(new ReportPeriod(start, start.plus(Duration.ofDays(DAYS))),
							new ReportPeriod(start.minus(Duration.ofDays(1)), start.plus(Duration.ofDays(DAYS + 5)))));
			for (int i = 0; i < 3; i++) {
				Instant from = start.plus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
				periods.add(new ReportPeriod(from, from.plus(Duration.ofMinutes(30 + random.nextInt(48 * 60)))));
			}
			for (int i = 0; i < 3; i++) {
				Instant from = start.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60)));
				periods.add(new ReportPeriod(from, from.plus(Duration.ofMinutes(1 + random.nextInt(70 * 24 * 60)))));
			}
			// ends inside days that have counted listings outside the period (read from
			// the
			// listings), and an end just after the last listing, as a report without `to`
			List<Instant> cohorts = this.jdbc
				.sql("select cohort_at from funnel_listings where agency_id = ? and counted order by cohort_at")
				.param(agency)
				.query((rs, row) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
				.list();
			periods.add(new ReportPeriod(cohorts.get(3).plusSeconds(60), cohorts.get(cohorts.size() - 4)));
			periods.add(new ReportPeriod(cohorts.get(5), cohorts.get(cohorts.size() - 1).plusSeconds(1)));
			// the latest end a parameter may name, on the last day there is
			periods.add(new ReportPeriod(cohorts.get(7), Instant.parse("9999-12-31T12:00:00Z")));
			for (ReportPeriod period : periods) {
				for (GroupBy groupBy : GroupBy.values()) {
					for (boolean excludeNoHire : new boolean[] { false, true }) {
						List<FunnelRow> expected = FunnelAggregator.aggregate(listings(agency, period),
								steps(agency, period), groupBy, excludeNoHire, new BigDecimal("0.15"));
						List<FunnelRow> kept = this.funnels.funnel(Optional.of(agency), groupBy, period, excludeNoHire)
							.rows();
						assertThat(kept)
							.as("seed %d, %s, %s, excludeNoHire=%s", seed, period, groupBy.parameter(), excludeNoHire)
							.usingRecursiveFieldByFieldElementComparator(
									org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
										.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
										.build())
							.isEqualTo(expected);
						if (groupBy == GroupBy.SEGMENT && !excludeNoHire && period.equals(periods.get(0))) {
							assertThat(expected).as("seed %d has listings to count", seed).isNotEmpty();
						}
					}
				}
			}
		}
	}

	@Test
	void listingsStoredBeforeTheFunnelWasKeptAreCountedOnceByTheBackfill() {
		String agency = "backfill-" + UUID.randomUUID().toString().substring(0, 6);
		Instant day = Instant.parse("2022-06-01T00:00:00Z");
		for (int n = 0; n < 3; n++) {
			this.jdbc.sql("""
					insert into listing_scores (agency_id, job_key, version, score, decision, segment, ai_work, source,
					                            first_ingested_at, scored_at)
					values (?, ?, 1, 80, 'PURSUE', 'enterprise', false, 'upwork', ?, ?)
					""")
				.params(agency, "upwork:~old" + n, day.plusSeconds(3600 * n).atOffset(ZoneOffset.UTC),
						day.atOffset(ZoneOffset.UTC))
				.update();
			this.jdbc.sql("insert into funnel_recount (agency_id, job_key) values (?, ?)")
				.params(agency, "upwork:~old" + n)
				.update();
		}
		this.jdbc.sql("""
				insert into pursuit_events (event_id, agency_id, job_key, action, stage, occurred_at, connects_spent)
				values (?, ?, 'upwork:~old0', 'PROPOSAL_SENT', 'PROPOSED', ?, 16)
				""").params(UUID.randomUUID(), agency, day.plusSeconds(60).atOffset(ZoneOffset.UTC)).update();
		ReportPeriod period = new ReportPeriod(day, day.plus(Duration.ofDays(1)));
		assertThat(this.funnels.funnel(Optional.of(agency), GroupBy.SEGMENT, period, false).rows()).isEmpty();

		this.backfill.backfill();
		this.backfill.backfill();

		assertThat(this.funnels.funnel(Optional.of(agency), GroupBy.SEGMENT, period, false).rows()).singleElement()
			.satisfies((row) -> {
				assertThat(row.scored()).isEqualTo(3);
				assertThat(row.proposed()).isEqualTo(1);
				assertThat(row.connectsSpent()).isEqualTo(16);
			});
		assertThat(this.jdbc.sql("select count(*) from funnel_recount").query(Long.class).single()).isZero();
	}

	private List<BidstreamEvent> events(Random random, String agency, Instant start) {
		List<BidstreamEvent> events = new ArrayList<>();
		for (int n = 0; n < 40; n++) {
			String jobKey = "upwork:~p" + n;
			Instant first = start.plus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
			int versions = 1 + random.nextInt(3);
			if (random.nextInt(10) > 0) {
				for (int version = 1; version <= versions; version++) {
					Instant at = first.plus(Duration.ofHours(version - 1));
					ClosedResult closed = closed(random);
					Listing listing = new Listing(pick(random, SOURCES), "p" + n, null, "A job", "Words", at,
							pick(random, CATEGORIES), List.of("Java"), null, null, null, null, 3, 8, null,
							(closed != null) ? new Listing.Closed(closed, at) : null);
					events.add(new ListingIngested(UUID.randomUUID(), at, agency, jobKey, 1, version, first, listing));
				}
			}
			int scores = (random.nextInt(10) > 0) ? 1 + random.nextInt(3) : 0;
			for (int s = 0; s < scores; s++) {
				Instant scoredAt = first.plus(Duration.ofMinutes(1 + random.nextInt(600)));
				events.add(new ListingScored(UUID.randomUUID(), scoredAt, agency, jobKey, 1,
						1 + random.nextInt(versions), random.nextInt(100), Decision.values()[random.nextInt(3)],
						pick(random, SEGMENTS), BudgetBand.values()[random.nextInt(5)], random.nextBoolean(),
						AiExposure.values()[random.nextInt(3)], List.of(), List.of(), "m1", pick(random, SOURCES),
						pick(random, CATEGORIES), List.of("Java"), first, random.nextInt(4) > 0 ? first : null,
						closed(random), new BigDecimal(random.nextInt(5000)), 5));
			}
			int steps = random.nextInt(7);
			for (int s = 0; s < steps; s++) {
				Action action = Action.values()[random.nextInt(Action.values().length)];
				Instant at = first.plus(Duration.ofMinutes(random.nextInt(5 * 24 * 60)));
				Outcome outcome = (action == Action.LOST) ? Outcome.LOST
						: (action == Action.WITHDRAWN) ? Outcome.WITHDRAWN : null;
				Stage stage = random.nextInt(4) > 0 ? Stage.values()[random.nextInt(Stage.values().length)] : null;
				events.add(new PursuitAdvanced(UUID.randomUUID(), at, agency, jobKey, 1, action, stage, outcome,
						pick(random, FREELANCERS), random.nextBoolean() ? 1 + random.nextInt(20) : null, null,
						(action == Action.HIRED) ? new BigDecimal(100 + random.nextInt(9000) + ".50") : null,
						(action == Action.LOST && random.nextBoolean())
								? LossReason.values()[random.nextInt(LossReason.values().length)] : null,
						at));
			}
		}
		Collections.shuffle(events, random);
		List<BidstreamEvent> redelivered = new ArrayList<>(events);
		for (BidstreamEvent event : events) {
			if (random.nextInt(5) == 0) {
				redelivered.add(random.nextInt(redelivered.size()), event);
			}
		}
		return redelivered;
	}

	private static ClosedResult closed(Random random) {
		return (random.nextInt(3) == 0) ? ClosedResult.values()[random.nextInt(ClosedResult.values().length)] : null;
	}

	private static <T> T pick(Random random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	/**
	 * Hands each topic's events to its consumer in random batches, the three topics at
	 * once, as three listener threads would.
	 */
	@SuppressWarnings("unchecked")
	private void replay(Random random, List<BidstreamEvent> events) throws Exception {
		List<CompletableFuture<Void>> topics = new ArrayList<>();
		for (var topic : List.of(List.of("listingsIngested", ListingIngested.class),
				List.of("listingsScored", ListingScored.class), List.of("pursuitEvents", PursuitAdvanced.class))) {
			Consumer<List<byte[]>> consumer = (Consumer<List<byte[]>>) this.context.getBean((String) topic.get(0));
			List<byte[]> payloads = events.stream()
				.filter(((Class<?>) topic.get(1))::isInstance)
				.map(EventCodec::toBytes)
				.toList();
			List<List<byte[]>> batches = new ArrayList<>();
			for (int i = 0; i < payloads.size();) {
				int size = 1 + random.nextInt(25);
				batches.add(payloads.subList(i, Math.min(payloads.size(), i + size)));
				i += size;
			}
			topics.add(CompletableFuture.runAsync(() -> batches.forEach(consumer)));
		}
		CompletableFuture.allOf(topics.toArray(CompletableFuture[]::new)).get();
	}

	private static final String COHORT = """
			from listing_scores s
			left join listings l on l.agency_id = s.agency_id and l.job_key = s.job_key
			where coalesce(s.first_ingested_at, l.first_ingested_at) >= :from
			  and coalesce(s.first_ingested_at, l.first_ingested_at) < :to and s.agency_id = :agency
			""";

	private List<ScoredListing> listings(String agency, ReportPeriod period) {
		return cohort("""
				select s.agency_id, s.job_key, s.segment, s.budget_band, coalesce(s.source, l.source) as source,
				       coalesce(s.category, l.category) as category, s.ai_work, s.ai_exposure,
				       case when l.latest_version > s.version then l.closed_result
				            else coalesce(s.closed_result, l.closed_result) end as closed_result
				""" + COHORT, agency, period).query(FunnelPropertyTests::listing).list();
	}

	private List<PursuitStep> steps(String agency, ReportPeriod period) {
		return cohort("""
				select e.event_id, e.agency_id, e.job_key, e.action, e.stage, e.outcome, e.freelancer_id, e.occurred_at,
				       e.connects_spent, e.contract_value, e.reason
				""" + COHORT.replaceFirst("from listing_scores s", """
				from pursuit_events e
				join listing_scores s on s.agency_id = e.agency_id and s.job_key = e.job_key"""), agency, period)
			.query(FunnelStore::step)
			.list();
	}

	private JdbcClient.StatementSpec cohort(String sql, String agency, ReportPeriod period) {
		return this.jdbc.sql(sql)
			.param("from", period.from().atOffset(ZoneOffset.UTC))
			.param("to", period.to().atOffset(ZoneOffset.UTC))
			.param("agency", agency);
	}

	private static ScoredListing listing(ResultSet rs, int row) throws SQLException {
		return new ScoredListing(rs.getString("agency_id"), rs.getString("job_key"), rs.getString("segment"),
				rs.getString("budget_band"), rs.getString("source"), rs.getString("category"), rs.getBoolean("ai_work"),
				rs.getString("ai_exposure"), rs.getString("closed_result"));
	}

}
