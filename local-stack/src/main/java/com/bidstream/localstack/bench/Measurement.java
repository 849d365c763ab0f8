package com.bidstream.localstack.bench;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.bidstream.localstack.Console;
import com.bidstream.localstack.LocalStack;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.ChildJvm;
import com.bidstream.localstack.services.Service;

/**
 * The steps of one run, in this order: raw Kafka; a warm-up end to end, untimed, so that
 * the timed steps meet compiled code, as a service that has run for a while does (the JIT
 * compilers of five JVMs otherwise take a large share of two cores in the first minute);
 * throughput end to end (which also times ingest to {@code listings.ingested}); latency
 * at a steady rate the pipeline can sustain; an NDJSON import (its listings keep scoring
 * and reporting busy long after it is DONE); then REST intake and the import again with
 * the downstream services paused, ingest alone. Memory and CPU are sampled throughout,
 * CPU split by step.
 */
final class Measurement {

	private final BenchSettings settings;

	private final LocalStack stack;

	private final Console console;

	private final BenchClient client;

	private final Map<String, Double> stepSeconds = new LinkedHashMap<>();

	Measurement(BenchSettings settings, LocalStack stack, Console console) {
		this.settings = settings;
		this.stack = stack;
		this.console = console;
		this.client = new BenchClient(stack.url(Service.INGEST), stack.url(Service.SCORING),
				stack.url(Service.TRACKING), stack.url(Service.REPORTING));
	}

	BenchResult run(Instant started) throws InterruptedException {
		String run = "bench-" + Long.toString(started.getEpochSecond(), 36);
		List<ProcessSampler.Tracked> tracked = new ArrayList<>();
		for (ChildProcess child : this.stack.children()) {
			List<ProcessHandle> roots = new ArrayList<>(List.of(child.handle()));
			if (child.name().equals("postgres")) {
				postmaster().ifPresent(roots::add);
			}
			tracked.add(new ProcessSampler.Tracked(child.name(), roots, true));
		}
		tracked.add(new ProcessSampler.Tracked("bench (launcher)", List.of(ProcessHandle.current()), false));
		String bootstrapServers = "localhost:" + this.stack.options().kafkaPort();
		Map<String, String> services = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			services.put(service.id(), this.stack.url(service));
		}
		try (ProcessSampler sampler = new ProcessSampler(tracked).start();
				HeapSampler heap = new HeapSampler(services, this.client::heapUsed).start();
				PublishedCounter published = new PublishedCounter(bootstrapServers)) {
			long at = System.nanoTime();
			BenchResult.Throughput raw = new RawProducerStep(bootstrapServers, this.console)
				.run(this.settings.rawRecords());
			at = endStep(sampler, heap, "raw kafka", at);
			List<BenchResult.Throughput> warmUp = new ArrayList<>();
			if (this.settings.warmUpListings() > 0) {
				EndToEndStep.Rates warm = new EndToEndStep(this.client, published, this.console, run + "-warm")
					.run(this.settings.warmUpListings(), this.settings.endToEndDeadline());
				at = endStep(sampler, heap, "warm up", at);
				warmUp.add(rate("warm-up end to end, untimed (cold services)", warm.counted(), warm.countedSeconds(),
						raw));
			}
			EndToEndStep.Rates rates = new EndToEndStep(this.client, published, this.console, run + "-e2e")
				.run(this.settings.listings(), this.settings.endToEndDeadline());
			at = endStep(sampler, heap, "end to end", at);
			BenchResult.Throughput endToEnd = endToEnd(rates, raw);
			int rate = this.settings.steadyRate(endToEnd.perSecond());
			String latencyStep = latencyStep(rate, rates);
			List<BenchResult.LatencyRow> latency = List.of();
			if (rates.complete()) {
				SteadyLatencyStep.Measured steady = new SteadyLatencyStep(this.client, this.console, run + "-steady")
					.run(rate, this.settings.steadySeconds());
				latency = latencyRows(steady);
				at = endStep(sampler, heap, "latency", at);
			}
			else {
				this.console.step("latency", latencyStep);
			}
			List<BenchResult.Throughput> throughput = new ArrayList<>(List.of(raw));
			throughput.addAll(warmUp);
			throughput.addAll(List.of(
					rate("ingest acknowledged (202), 4 clients x 1,000", rates.listings(), rates.ackSeconds(), raw),
					rate(published(rates), rates.published(), rates.publishedSeconds(), raw), endToEnd));
			// last: scoring and reporting work through its listings long after it is DONE
			ImportStep.Timing imported = new ImportStep(this.client, published, this.console, run + "-import")
				.run(this.settings.importLines(), this.settings.endToEndDeadline());
			at = endStep(sampler, heap, "import", at);
			throughput.addAll(importRows("NDJSON import of %,d lines", imported, raw));
			throughput.addAll(ingestAlone(run, published, raw));
			endStep(sampler, heap, "ingest alone", at);
			return new BenchResult(started.toString(), Runtime.getRuntime().availableProcessors(),
					this.settings.listings(), throughput, latencyStep, latency, this.stepSeconds, sampler.usage(),
					heap.mebibytes(), ChildJvm.SERVICE.maxHeap(), Notes.ALL);
		}
	}

	private static String published(EndToEndStep.Rates rates) {
		return (rates.published() >= rates.listings()) ? "ingest accepted + on listings.ingested"
				: "ingest, deadline: %,d of %,d on listings.ingested".formatted(rates.published(), rates.listings());
	}

	/**
	 * REST intake and the import again, with scoring, tracking and reporting paused: what
	 * ingest does when it has the cores to itself, as when the services run on machines
	 * of their own (issue 8's figures).
	 */
	private List<BenchResult.Throughput> ingestAlone(String run, PublishedCounter published, BenchResult.Throughput raw)
			throws InterruptedException {
		List<String> downstream = List.of(this.stack.url(Service.SCORING), this.stack.url(Service.TRACKING),
				this.stack.url(Service.REPORTING));
		try (Paused paused = Paused.consumersOf(this.client, downstream, this.console)) {
			EndToEndStep.Rates rest = new EndToEndStep(this.client, published, this.console, run + "-alone")
				.untilPublished(this.settings.listings(), this.settings.endToEndDeadline());
			ImportStep.Timing imported = new ImportStep(this.client, published, this.console, run + "-import-alone")
				.run(this.settings.importLines(), this.settings.endToEndDeadline());
			List<BenchResult.Throughput> rows = new ArrayList<>();
			String name = rest.complete() ? "ingest alone: REST accepted + on listings.ingested"
					: "ingest alone, deadline: %,d of %,d on listings.ingested".formatted(rest.published(),
							rest.listings());
			rows.add(rate(name, rest.published(), rest.publishedSeconds(), raw));
			rows.addAll(importRows("ingest alone: import %,d lines", imported, raw));
			return rows;
		}
	}

	private static List<BenchResult.Throughput> importRows(String label, ImportStep.Timing imported,
			BenchResult.Throughput raw) {
		String lines = label.formatted(imported.lines());
		if (!imported.complete()) {
			return List
				.of(rate(lines + ", deadline: on the topic", imported.published(), imported.publishedSeconds(), raw));
		}
		return List.of(rate(lines + ": POST -> DONE", imported.accepted(), imported.doneSeconds(), raw),
				rate("  POST -> all on listings.ingested", imported.published(), imported.publishedSeconds(), raw));
	}

	private Optional<ProcessHandle> postmaster() {
		Optional<ProcessHandle> server = this.stack.postgresServer();
		if (server.isEmpty()) {
			this.console.step("bench", "no PostgreSQL server found: its CPU is not counted");
		}
		return server;
	}

	/**
	 * What the latency step ran, or why it did not: after a deadline the end-to-end
	 * step's backlog is still in the pipeline, and the steady listings would queue behind
	 * it.
	 */
	private String latencyStep(int rate, EndToEndStep.Rates rates) {
		if (!rates.complete()) {
			return "skipped: %,d listings of the end-to-end step were still in the pipeline at its deadline (fewer --listings or more --max-minutes)"
				.formatted(rates.listings() - rates.counted());
		}
		String step = "steady %,d/s for %d s".formatted(rate, this.settings.steadySeconds());
		return (rate == this.settings.steadyRate()) ? step
				: step + " (3/4 of the end-to-end rate; %,d/s asked)".formatted(this.settings.steadyRate());
	}

	private static BenchResult.Throughput endToEnd(EndToEndStep.Rates rates, BenchResult.Throughput raw) {
		String name = rates.complete() ? "end to end (posted -> counted as scored)"
				: "end to end, deadline: %,d of %,d counted".formatted(rates.counted(), rates.listings());
		return rate(name, rates.counted(), rates.countedSeconds(), raw);
	}

	private List<BenchResult.LatencyRow> latencyRows(SteadyLatencyStep.Measured steady) {
		List<BenchResult.LatencyRow> rows = new ArrayList<>();
		rows.add(new BenchResult.LatencyRow("202 -> scored (scoredAt, 1 listing per batch)", Notes.TO_SCORED,
				Percentiles.of(steady.toScored())));
		rows.add(new BenchResult.LatencyRow("202 -> tracked (pursuit createdAt, same listing)", Notes.TO_TRACKED,
				Percentiles.of(steady.toTracked())));
		rows.add(new BenchResult.LatencyRow("202 -> counted by reporting (funnel polls)", Notes.TO_COUNTED,
				Percentiles.of(steady.toCounted())));
		Map<String, Percentiles> timers = new LinkedHashMap<>();
		for (Service service : Service.values()) {
			timers.putAll(PrometheusTimers.parse(this.client.prometheus(this.stack.url(service))));
		}
		timers.forEach((name, percentiles) -> rows
			.add(new BenchResult.LatencyRow(ReportTable.HOP + name, Notes.TIMERS, percentiles)));
		return rows;
	}

	private long endStep(ProcessSampler sampler, HeapSampler heap, String step, long startedAt) {
		sampler.mark(step);
		heap.mark(step);
		long now = System.nanoTime();
		this.stepSeconds.put(step, (now - startedAt) / 1e9);
		return now;
	}

	private static BenchResult.Throughput rate(String name, long count, double seconds, BenchResult.Throughput raw) {
		double perSecond = count / seconds;
		return new BenchResult.Throughput(name, count, seconds, perSecond, perSecond / raw.perSecond());
	}

}
