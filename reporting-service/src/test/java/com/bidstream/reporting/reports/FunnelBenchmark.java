package com.bidstream.reporting.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.EventIds;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.reporting.funnel.GroupBy;
import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The funnel's benchmark (issue 9), not part of the test suite (its name does not end in
 * Tests). It loads the events of {@code bench.pursuits} pursuits (default 100,000; about
 * four events each: ingested, scored, two pursuit events on average) straight into
 * reporting's three consumers (the same beans Kafka feeds: inbox, event recorder, funnel
 * store, in one transaction per batch of 500), three topics on three threads, then times
 * the funnel report for a member and an operator over the last 30 days and over all time.
 * Pursuits arrive in the order of their first ingest, as a live stream delivers them
 * ({@code -Dbench.order=random} shuffles them across the year), and event ids are made as
 * the producers make them: time-ordered for listings and scores, name-based for pursuit
 * events. It prints one table and writes it to {@code target/bench/funnel.json}.
 * <p>
 * {@code ./mvnw -o -pl reporting-service test -Dtest=FunnelBenchmark -Dbench.pursuits=100000}
 */
@ServiceIntegrationTest(database = "reporting")
class FunnelBenchmark {

	/**
	 * Events per consumer call: {@code bench.batch}, as {@code max.poll.records} gives
	 * them.
	 */
	private static final int BATCH = Integer.getInteger("bench.batch", 500);

	private static final int AGENCIES = 10;

	private static final Instant END = Instant.parse("2025-06-01T00:00:00Z");

	private static final String[] SEGMENTS = { "enterprise", "established", "emerging", "new" };

	private static final String[] CATEGORIES = { "Web", "Data Science", "Design", "Writing", "Mobile", "DevOps" };

	@Autowired
	ApplicationContext context;

	@Autowired
	FunnelService funnels;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void loadThenReport() throws Exception {
		int pursuits = Integer.getInteger("bench.pursuits", 100_000);
		boolean random = "random".equals(System.getProperty("bench.order", "time"));
		int[] order = order(pursuits, random);
		String run = UUID.randomUUID().toString().substring(0, 6);
		AtomicLong events = new AtomicLong();
		Statements statements = new Statements(this.context.getBean(JdbcClient.class));
		long started = System.nanoTime();
		CompletableFuture<Void> ingested = feed("listingsIngested", pursuits, (n) -> List.of(ingested(run, order[n])),
				events);
		CompletableFuture<Void> scored = feed("listingsScored", pursuits, (n) -> List.of(scored(run, order[n])),
				events);
		CompletableFuture<Void> advanced = feed("pursuitEvents", pursuits, (n) -> advanced(run, order[n]), events);
		CompletableFuture.allOf(ingested, scored, advanced).get();
		double seconds = (System.nanoTime() - started) / 1e9;
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("pursuits", pursuits);
		figures.put("order", random ? "random" : "time");
		figures.put("events", events.get());
		figures.put("loadSeconds", round(seconds));
		figures.put("aggregationEventsPerSecond", Math.round(events.get() / seconds));
		Map<String, Object> sinks = new LinkedHashMap<>();
		this.meters.find("bidstream.reporting.sink.duration").timers().forEach((timer) -> {
			String name = timer.getId().getTag("sink") + " " + timer.getId().getTag("topic");
			sinks.merge(name, round(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS) / 1000.0),
					(a, b) -> round((Double) a + (Double) b));
		});
		figures.put("sinkSeconds", sinks);
		statements.top(15).ifPresent((top) -> figures.put("statementSeconds", top));
		ReportPeriod lastDays = new ReportPeriod(END.minus(Duration.ofDays(30)).plusSeconds(4321), END);
		ReportPeriod allTime = new ReportPeriod(ReportPeriod.EARLIEST, END.plus(Duration.ofDays(1)));
		figures.put("member30d", time(Optional.of(agency(run, 0)), lastDays));
		figures.put("memberAllTime", time(Optional.of(agency(run, 0)), allTime));
		figures.put("operator30d", time(Optional.empty(), lastDays));
		figures.put("operatorAllTime", time(Optional.empty(), allTime));
		String json = EventCodec.toJson(figures);
		Path out = Path.of("target", "bench", "funnel.json");
		Files.createDirectories(out.getParent());
		Files.writeString(out, json);
		System.out.println();
		System.out.println("Funnel benchmark (" + pursuits + " pursuits, " + events.get() + " events, "
				+ figures.get("order") + " order)");
		figures.forEach((name, value) -> {
			if (value instanceof List<?> lines) {
				System.out.printf(Locale.ROOT, "  %s%n", name);
				lines.forEach((line) -> System.out.printf(Locale.ROOT, "    %s%n", line));
			}
			else {
				System.out.printf(Locale.ROOT, "  %-28s %s%n", name, value);
			}
		});
		System.out.println("Written to " + out.toAbsolutePath());
	}

	@SuppressWarnings("unchecked")
	private CompletableFuture<Void> feed(String bean, int pursuits, IntFunction<List<Object>> eventsOf,
			AtomicLong counted) {
		Consumer<List<byte[]>> consumer = (Consumer<List<byte[]>>) this.context.getBean(bean);
		return CompletableFuture.runAsync(() -> {
			List<byte[]> batch = new ArrayList<>(BATCH);
			long startedAt = System.nanoTime();
			for (int i = 0; i < pursuits; i++) {
				for (Object event : eventsOf.apply(i)) {
					batch.add(EventCodec.toBytes(event));
					if (batch.size() == BATCH) {
						consumer.accept(batch);
						counted.addAndGet(batch.size());
						batch = new ArrayList<>(BATCH);
					}
				}
				if (i > 0 && i % 100_000 == 0) {
					System.out.printf(Locale.ROOT, "  %s: %,d pursuits in %.0f s%n", bean, i,
							(System.nanoTime() - startedAt) / 1e9);
				}
			}
			if (!batch.isEmpty()) {
				consumer.accept(batch);
				counted.addAndGet(batch.size());
			}
		});
	}

	private Map<String, Object> time(Optional<String> agency, ReportPeriod period) {
		double[] millis = new double[40];
		int rows = 0;
		for (int i = -5; i < millis.length; i++) {
			long started = System.nanoTime();
			rows = this.funnels.funnel(agency, GroupBy.SEGMENT, period, false).rows().size();
			if (i >= 0) {
				millis[i] = (System.nanoTime() - started) / 1e6;
			}
		}
		Arrays.sort(millis);
		Map<String, Object> timing = new LinkedHashMap<>();
		timing.put("p50Ms", round(millis[millis.length / 2]));
		timing.put("p95Ms", round(millis[(int) Math.ceil(millis.length * 0.95) - 1]));
		timing.put("rows", rows);
		return timing;
	}

	/**
	 * The order pursuits are fed in: by first ingest time, as a live stream (or a replay
	 * of one) delivers them, or shuffled across the year ({@code -Dbench.order=random}),
	 * the worst case, where hardly two events of a batch share a day's cells.
	 */
	private static int[] order(int pursuits, boolean random) {
		if (random) {
			int[] order = IntStream.range(0, pursuits).toArray();
			Random shuffle = new Random(42);
			for (int i = order.length - 1; i > 0; i--) {
				int j = shuffle.nextInt(i + 1);
				int swapped = order[i];
				order[i] = order[j];
				order[j] = swapped;
			}
			return order;
		}
		long[] at = IntStream.range(0, pursuits).parallel().mapToLong((i) -> firstIngested(i).toEpochMilli()).toArray();
		return IntStream.range(0, pursuits)
			.boxed()
			.sorted(Comparator.comparingLong((Integer i) -> at[i]))
			.mapToInt(Integer::intValue)
			.toArray();
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static String agency(String run, int i) {
		return "bench-" + run + "-" + (i % AGENCIES);
	}

	private static String jobKey(int i) {
		return "upwork:~b" + i;
	}

	/** Listings spread evenly over the year before {@link #END}. */
	private static Instant firstIngested(int i) {
		return END.minus(Duration.ofSeconds(1 + (long) (new Random(i).nextDouble() * 365 * 86_400)));
	}

	private static ListingIngested ingested(String run, int i) {
		Instant at = firstIngested(i);
		Listing listing = new Listing("upwork", "b" + i, null, "A job", "Words", at, CATEGORIES[i % CATEGORIES.length],
				List.of("Java"), null, null, null, null, 5, 8, null, null);
		return new ListingIngested(EventIds.timeOrdered(at), at, agency(run, i), jobKey(i), 1, 1, at, listing);
	}

	private static ListingScored scored(String run, int i) {
		Random random = new Random(i * 31L);
		Instant at = firstIngested(i).plusSeconds(1);
		return new ListingScored(EventIds.timeOrdered(at), at, agency(run, i), jobKey(i), 1, 1, random.nextInt(100),
				Decision.values()[random.nextInt(3)], SEGMENTS[random.nextInt(SEGMENTS.length)],
				BudgetBand.values()[random.nextInt(5)], random.nextBoolean(), AiExposure.values()[random.nextInt(3)],
				List.of(), List.of(), "m1", "upwork", CATEGORIES[i % CATEGORIES.length], List.of("Java"), at,
				firstIngested(i), null, new BigDecimal(500 + random.nextInt(5000)), 5);
	}

	/** 0 to 4 events (2 on average): queued, proposed, replied, hired or lost. */
	/**
	 * Tracking's ids are name-based (derived from the agency and the recorded event, so a
	 * repeat publishes the same id), not time-ordered: spread over the inbox's index.
	 */
	private static UUID trackingId(String run, int i, int step) {
		return UUID.nameUUIDFromBytes((run + "|" + i + "|" + step).getBytes(StandardCharsets.UTF_8));
	}

	private static List<Object> advanced(String run, int i) {
		Random random = new Random(i * 17L);
		Instant at = firstIngested(i).plusSeconds(60);
		int steps = random.nextInt(5);
		Action[] actions = { Action.QUEUE, Action.PROPOSAL_SENT, Action.REPLIED,
				random.nextBoolean() ? Action.HIRED : Action.LOST };
		Stage[] stages = { Stage.QUEUED, Stage.PROPOSED, Stage.REPLIED, Stage.HIRED };
		List<Object> events = new ArrayList<>();
		for (int s = 0; s < steps; s++) {
			Instant when = at.plus(Duration.ofMinutes(30L * s * (1 + random.nextInt(20))));
			Action action = actions[s];
			events.add(new PursuitAdvanced(trackingId(run, i, s), when, agency(run, i), jobKey(i), 1, action,
					(action == Action.LOST) ? Stage.REPLIED : stages[s],
					(action == Action.LOST) ? PursuitAdvanced.Outcome.LOST : null, "fl-" + (i % 7),
					(action == Action.PROPOSAL_SENT) ? 16 : null, null,
					(action == Action.HIRED) ? new BigDecimal("2500") : null,
					(action == Action.LOST) ? PursuitAdvanced.LossReason.PRICE : null, when));
		}
		return events;
	}

	/**
	 * PostgreSQL's time per statement over the load ({@code -Dbench.statements=true}:
	 * {@code pg_stat_statements}, preloaded by the test infrastructure), the most first:
	 * which of the consumers' statements the aggregation's time goes to.
	 */
	private static final class Statements {

		private final JdbcClient jdbc;

		private final boolean on = Boolean.getBoolean("bench.statements");

		Statements(JdbcClient jdbc) {
			this.jdbc = jdbc;
			if (this.on) {
				jdbc.sql("create extension if not exists pg_stat_statements").update();
				jdbc.sql("select pg_stat_statements_reset()").query().singleValue();
			}
		}

		Optional<List<String>> top(int limit) {
			if (!this.on) {
				return Optional.empty();
			}
			return Optional.of(this.jdbc.sql("""
					select format('%s s, %s calls, %s rows: %s', round(total_exec_time::numeric / 1000, 1), calls, rows,
					              left(regexp_replace(query, '\\s+', ' ', 'g'), 90))
					from pg_stat_statements
					where query not like '%pg_stat_statements%'
					order by total_exec_time desc limit ?
					""").param(limit).query(String.class).list());
		}

	}

}
