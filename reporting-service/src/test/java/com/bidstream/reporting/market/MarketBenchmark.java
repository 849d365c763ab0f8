package com.bidstream.reporting.market;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The market report's benchmark, not part of the test suite (its name does not end in
 * Tests). It scores {@code bench.listings} listings (default 200,000) of 10 agencies,
 * posted over the year before a fixed end, into the market sink (the bean Kafka's
 * consumer calls, triggers included), then times a year's report for an operator and for
 * one agency, by skill and by category, per week and per month:
 * <ul>
 * <li>computed from the listings, every period (what each report cost before periods were
 * kept);</li>
 * <li>the first read, with no period kept yet;</li>
 * <li>kept periods, nothing written in between;</li>
 * <li>kept periods, with the same 1,000 listings posted in the last three days scored
 * again (a new version) before each read, so the last period is computed again.</li>
 * </ul>
 * It prints one table and writes it to {@code target/bench/market.json}.
 * <p>
 * {@code ./mvnw -o -pl reporting-service test -Dtest=MarketBenchmark -Dbench.listings=1000000}
 */
@ServiceIntegrationTest(database = "reporting")
class MarketBenchmark {

	private static final int BATCH = 1000;

	private static final int AGENCIES = 10;

	/**
	 * A Thursday noon: the last week and month of the year are cut short, with nothing
	 * after.
	 */
	private static final Instant END = Instant.parse("2030-06-06T12:00:00Z");

	private static final String[] SEGMENTS = { "enterprise", "established", "emerging", "new" };

	private static final String[] CATEGORIES = { "Web", "Data Science", "Design", "Writing", "Mobile", "DevOps", "AI",
			"Marketing" };

	private static final String[] SKILLS = { "Java", "Spring", "Kotlin", "Python", "Django", "React", "Vue", "Angular",
			"TypeScript", "Node.js", "Go", "Rust", "C#", ".NET", "PHP", "Laravel", "Ruby", "Rails", "SQL", "PostgreSQL",
			"MongoDB", "AWS", "Azure", "GCP", "Docker", "Kubernetes", "Terraform", "Figma", "Illustrator",
			"Copywriting", "SEO", "LLM", "OpenAI API", "LangChain", "PyTorch", "TensorFlow", "Data Analysis", "Excel",
			"Swift", "Flutter" };

	@Autowired
	MarketSink sink;

	@Autowired
	MarketReader reader;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void loadThenReport() throws Exception {
		int listings = Integer.getInteger("bench.listings", 200_000);
		String run = UUID.randomUUID().toString().substring(0, 6);
		long started = System.nanoTime();
		List<ListingScored> batch = new ArrayList<>(BATCH);
		for (int i = 0; i < listings; i++) {
			batch.add(scored(run, i, 1, END.minus(Duration.ofSeconds(1 + new Random(i).nextInt(365 * 86_400)))));
			if (batch.size() == BATCH || i == listings - 1) {
				this.sink.listingsScored(batch);
				batch = new ArrayList<>(BATCH);
			}
			if (i > 0 && i % 100_000 == 0) {
				System.out.printf(Locale.ROOT, "  %,d listings scored in %.0f s%n", i,
						(System.nanoTime() - started) / 1e9);
			}
		}
		double loadSeconds = (System.nanoTime() - started) / 1e9;
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("listings", listings);
		figures.put("loadSeconds", round(loadSeconds));
		figures.put("sinkListingsPerSecond", Math.round(listings / loadSeconds));
		int[] version = { 1 };
		for (Optional<String> scope : List.of(Optional.<String>empty(), Optional.of(agency(run, 0)))) {
			for (MarketGroupBy groupBy : List.of(MarketGroupBy.SKILL, MarketGroupBy.CATEGORY)) {
				for (MarketInterval interval : MarketInterval.values()) {
					MarketWindow window = new MarketWindow(END.minus(Duration.ofDays(365)), END, interval);
					Map<String, Object> timing = new LinkedHashMap<>();
					timing.put("rows", this.reader.rowsFromListings(scope, groupBy, window).size());
					timing.put("fromListingsMs", time(3, () -> this.reader.rowsFromListings(scope, groupBy, window)));
					this.jdbc.update("delete from market_period_cells");
					timing.put("firstReadMs", time(1, () -> this.reader.rows(scope, groupBy, window)));
					timing.put("keptMs", time(20, () -> this.reader.rows(scope, groupBy, window)));
					timing.put("keptAfterWritesMs", time(10, () -> {
						version[0]++;
						List<ListingScored> recent = new ArrayList<>(BATCH);
						for (int n = 0; n < BATCH; n++) {
							recent.add(
									scored(run, listings + n, version[0], END.minus(Duration.ofSeconds(1 + n * 259L))));
						}
						this.sink.listingsScored(recent);
						return null;
					}, () -> this.reader.rows(scope, groupBy, window)));
					figures.put((scope.isPresent() ? "member" : "operator") + " " + groupBy.parameter() + " "
							+ interval.parameter(), timing);
				}
			}
		}
		String json = EventCodec.toJson(figures);
		Path out = Path.of("target", "bench", "market.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		System.out.println();
		System.out.println("Market benchmark (" + listings + " listings, a year's report)");
		figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "  %-28s %s%n", name, value));
		System.out.println("Written to " + out.toAbsolutePath());
	}

	private static Map<String, Object> time(int times, Supplier<?> report) {
		return time(times, () -> null, report);
	}

	/**
	 * p50 and p95 (the highest, under 20 runs) of {@code times} reports, each after
	 * {@code before} (not timed).
	 */
	private static Map<String, Object> time(int times, Supplier<?> before, Supplier<?> report) {
		double[] millis = new double[times];
		for (int i = 0; i < times; i++) {
			before.get();
			long started = System.nanoTime();
			report.get();
			millis[i] = (System.nanoTime() - started) / 1e6;
		}
		Arrays.sort(millis);
		Map<String, Object> timing = new LinkedHashMap<>();
		timing.put("p50", round(millis[times / 2]));
		timing.put("p95", round(millis[(int) Math.ceil(times * 0.95) - 1]));
		return timing;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String agency(String run, int i) {
		return "market-bench-" + run + "-" + (i % AGENCIES);
	}

	private static ListingScored scored(String run, int i, int version, Instant postedAt) {
		Random random = new Random(i * 31L + version);
		List<String> skills = new ArrayList<>();
		for (int s = random.nextInt(6); s > 0; s--) {
			skills.add(SKILLS[random.nextInt(SKILLS.length)]);
		}
		return new ListingScored(UUID.randomUUID(), postedAt.plusSeconds(60), agency(run, i), "upwork:~m" + i,
				ListingScored.SCHEMA_VERSION, version, random.nextInt(100), Decision.values()[random.nextInt(3)],
				SEGMENTS[random.nextInt(SEGMENTS.length)], BudgetBand.values()[random.nextInt(5)], random.nextBoolean(),
				AiExposure.values()[random.nextInt(3)], List.of(), List.of(), "m1", "upwork",
				CATEGORIES[random.nextInt(CATEGORIES.length)], skills, postedAt, postedAt.plusSeconds(30), null,
				new BigDecimal(50 + random.nextInt(10_000)), random.nextInt(50));
	}

}
