package com.bidstream.localstack.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.bidstream.localstack.Console;

/**
 * Throughput end to end: {@link BenchSettings#CLIENTS} clients post batches of
 * {@link BenchSettings#BATCH} as fast as ingest acknowledges them, and the clock runs
 * until the funnel counts every one of them as scored (so through ingest, scoring and
 * reporting, with tracking working beside them), or until the deadline: then the rate is
 * of what was counted by then.
 */
final class EndToEndStep {

	/**
	 * What ingest acknowledged and when, when the last of them was read from
	 * {@code listings.ingested} (how many were, by the end of the step), and what the
	 * funnel counted by when; {@code complete} when it counted every listing before the
	 * deadline.
	 */
	record Rates(long listings, double ackSeconds, long published, double publishedSeconds, long counted,
			double countedSeconds, boolean complete) {
	}

	private final BenchClient client;

	private final Console console;

	private final String source;

	private final PublishedCounter published;

	EndToEndStep(BenchClient client, PublishedCounter published, Console console, String source) {
		this.client = client;
		this.published = published;
		this.console = console;
		this.source = source;
	}

	Rates run(int listings, Duration deadline) throws InterruptedException {
		return run(listings, deadline, true);
	}

	/**
	 * Posts as {@link #run} does, until every accepted listing is on
	 * {@code listings.ingested} (the funnel is not asked: reporting may be paused).
	 */
	Rates untilPublished(int listings, Duration deadline) throws InterruptedException {
		return run(listings, deadline, false);
	}

	private Rates run(int listings, Duration deadline, boolean counting) throws InterruptedException {
		this.console.step("bench", "%s: %,d listings, source %s"
			.formatted(counting ? "end to end" : "to listings.ingested", listings, this.source));
		int batches = listings / BenchSettings.BATCH;
		AtomicLong nextBatch = new AtomicLong();
		AtomicLong accepted = new AtomicLong();
		ExecutorService clients = Executors.newFixedThreadPool(BenchSettings.CLIENTS);
		long started = System.nanoTime();
		List<Future<?>> posting = new ArrayList<>();
		for (int c = 0; c < BenchSettings.CLIENTS; c++) {
			ListingBatches generator = new ListingBatches(this.source, 100 + c);
			posting.add(clients.submit(() -> {
				for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
					accepted.addAndGet(
							this.client.postListings(generator.batch(b * BenchSettings.BATCH, BenchSettings.BATCH)));
				}
			}));
		}
		clients.shutdown();
		Progress progress = new Progress(this.console, counting ? "e2e" : "ingest",
				counting ? "scored" : "on the topic", started);
		Double ackSeconds = null;
		Double publishedSeconds = null;
		while (true) {
			if (ackSeconds == null && clients.isTerminated()) {
				ackSeconds = seconds(started);
				requireNoFailure(posting);
				this.console.step("e2e", "%,d acknowledged in %.1f s".formatted(accepted.get(), ackSeconds));
			}
			long onTopic = this.published.count(this.source);
			if (ackSeconds != null && publishedSeconds == null && onTopic >= accepted.get()) {
				publishedSeconds = (this.published.lastAt(this.source) - started) / 1e9;
				this.console.step("e2e", "%,d on listings.ingested after %.1f s".formatted(onTopic, publishedSeconds));
			}
			if (!counting && ackSeconds != null
					&& (publishedSeconds != null || seconds(started) > deadline.toSeconds())) {
				double seconds = (publishedSeconds != null) ? publishedSeconds : seconds(started);
				return new Rates(accepted.get(), ackSeconds, onTopic, seconds, 0, seconds, publishedSeconds != null);
			}
			long scored = counting ? this.client.scored(this.source) : 0;
			progress.report(accepted.get(), counting ? scored : onTopic);
			if (ackSeconds != null && (scored >= accepted.get() || seconds(started) > deadline.toSeconds())) {
				double countedSeconds = seconds(started);
				this.console.step("e2e", "%,d of %,d counted in %.1f s (%,.0f/s)".formatted(scored, accepted.get(),
						countedSeconds, scored / countedSeconds));
				return new Rates(accepted.get(), ackSeconds, onTopic,
						(publishedSeconds != null) ? publishedSeconds : countedSeconds, scored, countedSeconds,
						scored >= accepted.get());
			}
			if (ackSeconds == null && posting.stream().anyMatch(Future::isDone)) {
				requireNoFailure(posting.stream().filter(Future::isDone).toList());
			}
			// five times a second: a funnel report reads kept cells (a few ms), so the
			// poll
			// costs the pipeline little and the clock is off by at most 200 ms
			Thread.sleep(200);
		}
	}

	private static void requireNoFailure(List<Future<?>> posting) throws InterruptedException {
		for (Future<?> client : posting) {
			try {
				client.get();
			}
			catch (ExecutionException ex) {
				throw new IllegalStateException("posting failed: " + ex.getCause().getMessage(), ex.getCause());
			}
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
