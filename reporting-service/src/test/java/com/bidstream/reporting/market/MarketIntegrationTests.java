package com.bidstream.reporting.market;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.reporting.ReportingEvents;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The market report against a real broker and database. The figure tests write
 * {@code market_listings} rows directly and read them through the report's SQL; the
 * others put scores on the topic and read the HTTP API. Every test uses its own weeks
 * (from 2031 on, far from the funnel tests' days) and its own agency or categories.
 */
abstract class MarketIntegrationTests {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	// a Monday
	private static final Instant FIRST_WINDOW = Instant.parse("2031-01-06T00:00:00Z");

	private static final AtomicInteger windows = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MarketReader reader;

	@Autowired
	MarketGauges gauges;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	ReportingEvents events;

	/** The Monday starting this test's ten weeks. */
	Instant monday;

	String agency;

	@BeforeEach
	void setUp() {
		this.events = new ReportingEvents(new TopicReader(this.kafkaBootstrapServers));
		this.monday = FIRST_WINDOW.plus(Duration.ofDays(70L * windows.getAndIncrement()));
		this.agency = "market-" + UUID.randomUUID().toString().substring(0, 8);
	}

	Instant day(int week, int day) {
		return this.monday.plus(Duration.ofDays(7L * week + day));
	}

	String period(int week) {
		return MarketInterval.WEEK.label(MarketInterval.WEEK.start(day(week, 0)));
	}

	void insert(String agency, String job, Instant at, String category, String[] skills, String value,
			Integer proposals, boolean aiWork, String exposure, String decision) {
		this.jdbc.update("""
				insert into market_listings (agency_id, job_key, version, scored_at, period_at, category, segment,
				                             skills, estimated_value, proposals, ai_work, ai_exposure, decision)
				values (?, ?, 1, now(), ?, ?, 'new', ?, ?::numeric, ?, ?, ?, ?)""", agency, job,
				at.atOffset(ZoneOffset.UTC), category, skills, value, proposals, aiWork, exposure, decision);
	}

	void insert(Instant at, String category) {
		insert(this.agency, "upwork:~" + UUID.randomUUID(), at, category, new String[] { "Java" }, "1000", 10, false,
				null, "SKIP");
	}

	List<MarketRow> rows(MarketGroupBy groupBy, MarketInterval interval, Instant from, Instant to) {
		return this.reader.rows(Optional.of(this.agency), groupBy, new MarketWindow(from, to, interval));
	}

	@Test
	void aCellHasItsMediansAndSharesOfItsListings() {
		insert(this.agency, "upwork:~a", day(0, 1), "Dev", new String[] { "Java" }, "100", 5, true, "AUTOMATABLE",
				"PURSUE");
		insert(this.agency, "upwork:~b", day(0, 2), "Dev", new String[] { "Java" }, "300", 10, false, "HUMAN_CRITICAL",
				"SKIP");
		insert(this.agency, "upwork:~c", day(0, 3), "Dev", new String[] { "Java" }, "800", null, true, "AI_ASSISTED",
				"PURSUE");
		insert(this.agency, "upwork:~d", day(0, 6), "Dev", new String[] { "Java" }, null, 20, false, null, "REVIEW");
		insert(this.agency, "upwork:~e", day(0, 6), "Dev", new String[] { "Java" }, "500", 30, false, null, "REVIEW");

		List<MarketRow> rows = rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(1, 0));

		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.group()).isEqualTo("Dev");
			assertThat(row.period()).isEqualTo(period(0));
			assertThat(row.listings()).isEqualTo(5);
			assertThat(row.medianValue()).as("of 100, 300, 500, 800").isEqualTo(400.0);
			assertThat(row.under500Share()).as("of all 5, as the contract says; 500 is not under 500").isEqualTo(0.4);
			assertThat(row.aiWorkShare()).isEqualTo(0.4);
			assertThat(row.automatableShare()).isEqualTo(0.2);
			assertThat(row.humanCriticalShare()).isEqualTo(0.2);
			assertThat(row.medianProposals()).as("of 5, 10, 20, 30").isEqualTo(15.0);
			assertThat(row.pursueShare()).isEqualTo(0.4);
			assertThat(row.listingsChange()).as("the week before had none").isNull();
		});
	}

	@Test
	void aCellWithoutValuesHasNoMedianValueAndNoShareUnder500() {
		insert(this.agency, "upwork:~a", day(0, 1), "Dev", new String[0], null, null, false, null, "SKIP");

		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(1, 0))).singleElement()
			.satisfies((row) -> {
				assertThat(row.medianValue()).isNull();
				assertThat(row.under500Share()).as("a listing without a value is not under $500").isZero();
				assertThat(row.medianProposals()).isNull();
				assertThat(row.aiWorkShare()).isZero();
			});
	}

	@Test
	void listingsChangeComparesWithTheGroupsPreviousPeriodEvenBeforeTheWindow() {
		for (int i = 0; i < 4; i++) {
			insert(day(0, i), "Dev");
		}
		insert(day(1, 0), "Dev");
		insert(day(1, 6), "Dev");
		for (int i = 0; i < 3; i++) {
			insert(day(2, i), "Dev");
		}
		insert(day(4, 3), "Dev");
		insert(day(2, 0), "Design");

		List<MarketRow> rows = rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(1, 0), day(5, 0));

		assertThat(rows).extracting(MarketRow::group, MarketRow::period, MarketRow::listings, MarketRow::listingsChange)
			.containsExactly(tuple("Design", period(2), 1L, null), tuple("Dev", period(1), 2L, -0.5),
					tuple("Dev", period(2), 3L, 0.5), tuple("Dev", period(4), 1L, null));
	}

	@Test
	void aFromInsideAWeekCountsOnlyThatWeeksListingsFromThen() {
		insert(day(0, 1), "Dev");
		insert(day(0, 4), "Dev");

		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 3), day(1, 0)))
			.extracting(MarketRow::listings, MarketRow::listingsChange)
			.containsExactly(tuple(1L, null));
	}

	@Test
	void labelsIsoWeeksAcrossTheYearEndAndCalendarMonths() {
		insert(Instant.parse("2026-12-31T23:30:00Z"), "Edge");
		insert(Instant.parse("2027-01-03T12:00:00Z"), "Edge");
		insert(Instant.parse("2027-01-04T00:00:00Z"), "Edge");
		insert(Instant.parse("2025-12-29T00:00:00Z"), "Edge");
		Instant from = Instant.parse("2025-12-01T00:00:00Z");
		Instant to = Instant.parse("2027-02-01T00:00:00Z");

		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, from, to))
			.extracting(MarketRow::period, MarketRow::listings)
			.containsExactly(tuple("2026-W01", 1L), tuple("2026-W53", 2L), tuple("2027-W01", 1L));
		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.MONTH, from, to))
			.extracting(MarketRow::period, MarketRow::listings, MarketRow::listingsChange)
			.containsExactly(tuple("2025-12", 1L, null), tuple("2026-12", 1L, null), tuple("2027-01", 2L, 1.0));
	}

	@Test
	void groupsBySkillCountingAListingOnceInEachOfItsSkillsAndWithoutSkillsAsUnknown() {
		insert(this.agency, "upwork:~a", day(0, 1), "Dev", new String[] { "Java", "SQL" }, "100", null, false, null,
				"SKIP");
		insert(this.agency, "upwork:~b", day(0, 1), "Dev", new String[] { "Java" }, "900", null, false, null, "SKIP");
		insert(this.agency, "upwork:~c", day(0, 1), "Dev", new String[0], "50", null, false, null, "SKIP");

		assertThat(rows(MarketGroupBy.SKILL, MarketInterval.WEEK, day(0, 0), day(1, 0)))
			.extracting(MarketRow::group, MarketRow::listings, MarketRow::medianValue)
			.containsExactly(tuple("Java", 2L, 500.0), tuple("SQL", 1L, 100.0), tuple("unknown", 1L, 50.0));
	}

	@Test
	void countsEachListingOnceByItsLatestVersionAndScoreSoARescoreMovesIt() {
		String job = "upwork:~" + UUID.randomUUID();
		this.events.publish(scored(this.agency, job, 1, day(0, 1), "new", "Dev", List.of("Java"), "400", day(0, 1)));
		this.events.publish(
				scored(this.agency, job, 1, day(0, 1), "emerging", "Dev", List.of("Java", "Kotlin"), "400", day(0, 2)));
		ListingScored secondVersion = scored(this.agency, job, 2, day(0, 1), "enterprise", "Dev",
				List.of("Java", "Kotlin"), "700", day(0, 3));
		this.events.publish(secondVersion);
		ListingScored lateFirstVersion = scored(this.agency, job, 1, day(0, 1), "new", "Dev", List.of("Java"), "400",
				day(0, 4));
		this.events.publish(lateFirstVersion);
		ListingScored other = scored(this.agency, "upwork:~" + UUID.randomUUID(), 1, day(0, 2), "new", "Dev",
				List.of("Java"), "100", day(0, 2));
		this.events.publish(other);

		awaitApplied(secondVersion, lateFirstVersion, other);
		assertThat(groups(report("dev-operator-key", "groupBy=segment&agency=" + this.agency)))
			.containsExactly(Map.entry("enterprise " + period(0), 1L), Map.entry("new " + period(0), 1L));
		JsonNode skills = report("dev-operator-key", "groupBy=skill&agency=" + this.agency);
		assertThat(groups(skills)).containsExactly(Map.entry("Java " + period(0), 2L),
				Map.entry("Kotlin " + period(0), 1L));
		assertThat(skills.at("/rows/0/medianValue").asDouble()).isEqualTo(400.0);
		assertThat(skills.at("/rows/0/under500Share").asDouble()).isEqualTo(0.5);
		assertThat(skills.at("/rows/1/medianValue").asDouble()).isEqualTo(700.0);
	}

	@Test
	void aMemberSeesOnlyItsOwnAgencysListingsAndAnOperatorSumsEveryAgencyUnlessItNarrows() {
		String category = "tenancy-" + UUID.randomUUID().toString().substring(0, 8);
		this.events.publish(scored("demo", "upwork:~" + UUID.randomUUID(), 1, day(0, 1), "new", category, List.of(),
				"100", day(0, 1)));
		this.events.publish(scored("demo", "upwork:~" + UUID.randomUUID(), 1, day(0, 1), "new", category, List.of(),
				"200", day(0, 1)));
		ListingScored acme = scored("acme", "upwork:~" + UUID.randomUUID(), 1, day(0, 1), "new", category, List.of(),
				"900", day(0, 1));
		this.events.publish(acme);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(listingsOf(report("dev-operator-key", ""), category)).isEqualTo(3));
		assertThat(listingsOf(report("dev-demo-key", ""), category)).isEqualTo(2);
		assertThat(listingsOf(report("dev-demo-key", "agency=acme"), category)).as("a member's agency= is ignored")
			.isEqualTo(2);
		assertThat(listingsOf(report("dev-acme-key", ""), category)).isEqualTo(1);
		assertThat(listingsOf(report("dev-operator-key", "agency=acme"), category)).isEqualTo(1);
		JsonNode all = report("dev-operator-key", "");
		assertThat(all.get("groupBy").asString()).isEqualTo("category");
		assertThat(all.get("interval").asString()).isEqualTo("week");
		assertThat(all.get("from").asString()).isEqualTo(day(0, 0).toString());
	}

	@Test
	void aWholePeriodIsReadFromItsKeptCellsUntilOneOfItsListingsIsWritten() {
		insert(day(0, 1), "Dev");
		insert(day(1, 1), "Dev");
		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(2, 0)))
			.extracting(MarketRow::period, MarketRow::listings)
			.containsExactly(tuple(period(0), 1L), tuple(period(1), 1L));
		assertThat(this.jdbc.queryForObject("""
				select count(*) from market_period_cells
				 where scope = ? and group_by = 'category' and period_interval = 'week' and period_start >= ?::date
				""", Integer.class, this.agency, day(0, 0).toString().substring(0, 10)))
			.as("the two weeks shown, kept (the week before held no listing: nothing to keep)")
			.isEqualTo(2);

		this.jdbc.update("""
				update market_period_cells set cells = jsonb_set(cells, '{0,listings}', '41')
				 where scope = ? and group_by = 'category' and period_interval = 'week' and period_start = ?::date
				""", this.agency, day(0, 0).toString().substring(0, 10));
		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(2, 0)))
			.as("week 0 read from its kept cells, not from the listings")
			.extracting(MarketRow::period, MarketRow::listings)
			.containsExactly(tuple(period(0), 41L), tuple(period(1), 1L));

		String moved = "upwork:~" + UUID.randomUUID();
		insert(this.agency, moved, day(1, 2), "Dev", new String[] { "Java" }, "1000", 10, false, null, "SKIP");
		this.jdbc.update("update market_listings set period_at = ? where agency_id = ? and job_key = ?",
				day(0, 2).atOffset(ZoneOffset.UTC), this.agency, moved);
		assertThat(rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(2, 0)))
			.as("a listing moved into week 0 makes it computed again; week 1 was written too")
			.extracting(MarketRow::period, MarketRow::listings)
			.containsExactly(tuple(period(0), 2L), tuple(period(1), 1L));
	}

	/**
	 * Random writes (new listings of two agencies, listings moved to other weeks or
	 * groups, listings deleted) between random reports: every report read through the
	 * kept periods equals the same report computed from the listings alone.
	 */
	@Test
	void aReportFromKeptPeriodsAlwaysEqualsTheReportComputedFromTheListings() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		String[] agencies = { this.agency, this.agency + "-b" };
		String[] categories = { "Dev", "Design", "Data" };
		String[] skills = { "Java", "SQL", "Figma", "Python" };
		List<String[]> listings = new ArrayList<>();
		for (int round = 0; round < 40; round++) {
			for (int write = random.nextInt(6); write > 0; write--) {
				int what = random.nextInt(10);
				if (what < 6 || listings.isEmpty()) {
					String[] listing = { agencies[random.nextInt(2)], "upwork:~" + UUID.randomUUID() };
					String[] some = Arrays.stream(skills)
						.filter((skill) -> random.nextInt(3) == 0)
						.toArray(String[]::new);
					insert(listing[0], listing[1], randomInstant(random), categories[random.nextInt(3)], some,
							(random.nextInt(5) == 0) ? null : String.valueOf(100 + random.nextInt(900)),
							random.nextInt(30), random.nextBoolean(), "AUTOMATABLE", "PURSUE");
					listings.add(listing);
				}
				else if (what < 9) {
					String[] listing = listings.get(random.nextInt(listings.size()));
					this.jdbc.update("""
							update market_listings set period_at = ?, category = ?, estimated_value = ?
							 where agency_id = ? and job_key = ?""", randomInstant(random).atOffset(ZoneOffset.UTC),
							categories[random.nextInt(3)], new BigDecimal(random.nextInt(2000)), listing[0],
							listing[1]);
				}
				else {
					String[] listing = listings.remove(random.nextInt(listings.size()));
					this.jdbc.update("delete from market_listings where agency_id = ? and job_key = ?", listing[0],
							listing[1]);
				}
			}
			Optional<String> scope = Optional.of(agencies[random.nextInt(2)]).filter((a) -> random.nextInt(3) > 0);
			Instant from = random.nextBoolean() ? day(random.nextInt(3), 0) : randomInstant(random);
			Instant to = random.nextBoolean() ? day(7 + random.nextInt(3), 0) : randomInstant(random);
			if (!to.isAfter(from)) {
				continue;
			}
			for (MarketGroupBy groupBy : MarketGroupBy.values()) {
				for (MarketInterval interval : MarketInterval.values()) {
					MarketWindow window = new MarketWindow(from, to, interval);
					assertThat(this.reader.rows(scope, groupBy, window))
						.as("seed %d, round %d: %s by %s over %s", seed, round, scope, groupBy, window)
						.isEqualTo(this.reader.rowsFromListings(scope, groupBy, window));
				}
			}
		}
		assertThat(this.jdbc.queryForObject("select count(*) from market_period_cells where scope = ?", Integer.class,
				this.agency))
			.as("periods were kept")
			.isPositive();
	}

	/**
	 * Listings moved between weeks while reports are read: each report reads one
	 * snapshot, so a listing moved from a kept week to one computed again is counted
	 * exactly once.
	 */
	@Test
	void aListingMovedWhileAReportIsReadIsCountedOnce() throws Exception {
		int listings = 200;
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < listings; i++) {
			String job = "upwork:~moving-" + i;
			insert(this.agency, job, day(i % 8, 1), "Dev", new String[] { "Java" }, "100", 1, false, null, "SKIP");
			jobs.add(job);
		}
		MarketWindow window = new MarketWindow(day(0, 0), day(8, 0), MarketInterval.WEEK);
		java.util.concurrent.atomic.AtomicBoolean moving = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.CompletableFuture<Void> mover = java.util.concurrent.CompletableFuture.runAsync(() -> {
			Random random = new Random();
			while (moving.get()) {
				this.jdbc.update("update market_listings set period_at = ? where agency_id = ? and job_key = ?",
						day(random.nextInt(8), 2).atOffset(ZoneOffset.UTC), this.agency,
						jobs.get(random.nextInt(listings)));
			}
		});
		try {
			long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			int reports = 0;
			while (System.nanoTime() < until) {
				assertThat(this.reader.rows(Optional.of(this.agency), MarketGroupBy.CATEGORY, window)
					.stream()
					.mapToLong(MarketRow::listings)
					.sum()).as("report %d", reports).isEqualTo(listings);
				reports++;
			}
		}
		finally {
			moving.set(false);
			mover.get();
		}
	}

	/**
	 * A truncate inside a transaction that is rolled back, so no other test's listings
	 * go.
	 */
	@Test
	void aTruncateCountsOneMoreWriteInEveryPeriodAndDropsTheKeptCells() {
		insert(day(0, 1), "Dev");
		rows(MarketGroupBy.CATEGORY, MarketInterval.WEEK, day(0, 0), day(1, 0));
		String countOfWeek = """
				select changes from market_period_changes
				 where agency_id = ? and period_interval = 'week' and period_start = ?::date""";
		String week = day(0, 0).toString().substring(0, 10);
		long before = this.jdbc.queryForObject(countOfWeek, Long.class, this.agency, week);
		assertThat(this.jdbc.queryForObject("select count(*) from market_period_cells where scope = ?", Long.class,
				this.agency))
			.isPositive();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.jdbc.execute("truncate market_listings");
			assertThat(this.jdbc.queryForObject("select count(*) from market_period_cells", Long.class)).isZero();
			assertThat(this.jdbc.queryForObject(countOfWeek, Long.class, this.agency, week)).isEqualTo(before + 1);
			status.setRollbackOnly();
		});
	}

	/** An instant in this test's ten weeks, to the second. */
	private Instant randomInstant(Random random) {
		return this.monday.plusSeconds(random.nextInt(70 * 86_400));
	}

	@Test
	void theCsvHoldsTheReportsRowsWithFormulaLikeTextDefused() {
		insert(this.agency, "upwork:~a", day(0, 1), "=HYPERLINK(1)", new String[0], "100", 5, true, "AUTOMATABLE",
				"PURSUE");
		insert(this.agency, "upwork:~b", day(0, 2), "Dev, Ops", new String[0], null, null, false, null, "SKIP");

		var csv = api("dev-operator-key")
			.get("/api/v1/reports/market.csv?from=" + day(0, 0) + "&to=" + day(1, 0) + "&agency=" + this.agency);

		assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().split("\r\n")).as("rows by group name: = sorts before D")
			.containsExactly(MarketCsv.HEADER, "'=HYPERLINK(1)," + period(0) + ",1,100.0,1.0,1.0,1.0,0.0,5.0,1.0,",
					"\"Dev, Ops\"," + period(0) + ",1,,0.0,0.0,0.0,0.0,,0.0,");
		assertThat(api("dev-demo-key").get("/api/v1/reports/market.csv?groupBy=budgetBand").status()).isEqualTo(400);
	}

	@Test
	void answers400NamingTheBadParameter() {
		assertThat(badField("groupBy=budgetBand")).isEqualTo("groupBy");
		assertThat(badField("interval=day")).isEqualTo("interval");
		assertThat(badField("from=yesterday")).isEqualTo("from");
		assertThat(badField("from=2020-01-01&to=2026-01-01")).isEqualTo("from");
		assertThat(badField("from=2026-01-02&to=2026-01-01")).isEqualTo("to");
		assertThat(api(null).get("/api/v1/reports/market").status()).isEqualTo(401);
	}

	private String badField(String query) {
		var response = api("dev-demo-key").get("/api/v1/reports/market?" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response.json().at("/errors/0/field").asString();
	}

	@Test
	void theDefaultWindowIsTheLastTwelveWeeks() {
		var response = api("dev-demo-key").get("/api/v1/reports/market");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Instant from = Instant.parse(response.json().get("from").asString());
		Instant to = Instant.parse(response.json().get("to").asString());
		assertThat(from).isEqualTo(MarketInterval
			.atStartOfDay(MarketInterval.WEEK.plus(MarketInterval.WEEK.start(to.minusNanos(1)), -11)));
		assertThat(to).isCloseTo(Clock.systemUTC().instant(), within(Duration.ofMinutes(5)));
	}

	@Test
	void theLastCompleteWeeksMarketIsScrapedAsGauges() {
		Instant lastWeek = MarketInterval
			.atStartOfDay(MarketInterval.WEEK.plus(MarketInterval.WEEK.start(Clock.systemUTC().instant()), -1));
		insert(this.agency, "upwork:~a", lastWeek.plus(Duration.ofHours(1)), "Dev", new String[0], "100", null, true,
				null, "PURSUE");
		insert(this.agency, "upwork:~b", lastWeek.plus(Duration.ofDays(6)), "Dev", new String[0], "100", null, true,
				null, "PURSUE");

		this.gauges.refresh();

		String metrics = api(null).get("/actuator/prometheus").body();
		assertThat(gauge(metrics, "bidstream_reporting_market_last_week_listings")).isGreaterThanOrEqualTo(2.0);
		assertThat(gauge(metrics, "bidstream_reporting_market_last_week_ai_work_share")).isBetween(0.0, 1.0);
		assertThat(gauge(metrics, "bidstream_reporting_market_last_week_under500_share")).isBetween(0.0, 1.0);
	}

	static double gauge(String metrics, String name) {
		return metrics.lines()
			.filter((line) -> line.startsWith(name + " ") || line.startsWith(name + "{"))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not scraped"));
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	JsonNode report(String key, String query) {
		var response = api(key).get(
				"/api/v1/reports/market?from=" + day(0, 0) + "&to=" + day(1, 0) + (query.isEmpty() ? "" : "&" + query));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static Map<String, Long> groups(JsonNode report) {
		Map<String, Long> groups = new LinkedHashMap<>();
		for (JsonNode row : report.get("rows")) {
			groups.put(row.get("group").asString() + " " + row.get("period").asString(), row.get("listings").asLong());
		}
		return groups;
	}

	static long listingsOf(JsonNode report, String group) {
		long listings = 0;
		for (JsonNode row : report.get("rows")) {
			if (row.get("group").asString().equals(group)) {
				listings += row.get("listings").asLong();
			}
		}
		return listings;
	}

	void awaitApplied(ListingScored... applied) {
		for (ListingScored event : applied) {
			await().atMost(PATIENCE)
				.until(() -> this.jdbc.queryForObject(
						"select count(*) from inbox where consumer = 'reporting' and event_id = ?", Integer.class,
						event.eventId()) == 1);
		}
	}

	static ListingScored scored(String agency, String jobKey, int version, Instant postedAt, String segment,
			String category, List<String> skills, String value, Instant scoredAt) {
		return new ListingScored(UUID.randomUUID(), scoredAt, agency, jobKey, ListingScored.SCHEMA_VERSION, version, 70,
				Decision.REVIEW, segment, BudgetBand.SMALL, false, AiExposure.AI_ASSISTED, List.of(), List.of(),
				"default-1", "upwork", category, skills, postedAt, postedAt.plus(Duration.ofHours(1)), null,
				new BigDecimal(value), 8);
	}

}
