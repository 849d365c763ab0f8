package com.bidstream.localstack.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.bidstream.localstack.Console;

/**
 * Latency at a steady rate: a batch every 100 ms, each timed from its 202. Two
 * measurements from the client's side: the funnel's count of the step's source, polled
 * every {@link #POLL_MILLIS} ms (to "counted", see {@link CurveLatency}), and, for one
 * listing of each batch, the {@code scoredAt} that scoring recorded (to "scored") and the
 * {@code createdAt} of its pursuit in tracking (to "tracked").
 */
final class SteadyLatencyStep {

	static final long POLL_MILLIS = 200;

	static final Duration PATIENCE = Duration.ofSeconds(60);

	/** What the step measured, from the client's side. */
	record Measured(long acknowledged, double[] toScored, double[] toTracked, double[] toCounted) {
	}

	private record Sample(String jobKey, long ackMillis) {
	}

	private final BenchClient client;

	private final Console console;

	private final String source;

	SteadyLatencyStep(BenchClient client, Console console, String source) {
		this.client = client;
		this.console = console;
		this.source = source;
	}

	Measured run(int rate, int seconds) throws InterruptedException {
		this.console.step("latency", "%,d listings/s for %d s, source %s".formatted(rate, seconds, this.source));
		int perBatch = rate / BenchSettings.TICKS_PER_SECOND;
		int batches = seconds * BenchSettings.TICKS_PER_SECOND;
		ListingBatches generator = new ListingBatches(this.source, 42);
		List<CurveLatency.Ack> acks = Collections.synchronizedList(new ArrayList<>());
		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		List<CompletableFuture<Void>> posts = Collections.synchronizedList(new ArrayList<>());
		AtomicLong acked = new AtomicLong();
		AtomicLong tick = new AtomicLong();
		ExecutorService senders = Executors.newFixedThreadPool(BenchSettings.CLIENTS);
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		long started = System.nanoTime();
		// the ticker generates (one thread: the generator is not thread-safe), the
		// senders
		// post, so that a slow answer does not hold the next batch back
		ticker.scheduleAtFixedRate(() -> {
			long k = tick.getAndIncrement();
			if (k >= batches) {
				ticker.shutdown();
				return;
			}
			byte[] batch = generator.batch(k * perBatch, perBatch);
			String sampled = generator.jobKey(k * perBatch + k % perBatch);
			posts.add(CompletableFuture.runAsync(() -> {
				int accepted = this.client.postListings(batch);
				long at = System.currentTimeMillis();
				acks.add(new CurveLatency.Ack(at, accepted));
				samples.add(new Sample(sampled, at));
				acked.addAndGet(accepted);
			}, senders));
		}, 0, 1000 / BenchSettings.TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
		List<CurveLatency.Poll> polls = new ArrayList<>();
		Progress progress = new Progress(this.console, "latency", started);
		while (true) {
			boolean allSent = ticker.isTerminated() && allDone(posts);
			long counted = this.client.scored(this.source);
			polls.add(new CurveLatency.Poll(System.currentTimeMillis(), counted));
			progress.report(acked.get(), counted);
			if (allSent && counted >= acked.get()) {
				break;
			}
			Thread.sleep(POLL_MILLIS);
		}
		senders.shutdown();
		this.console.step("latency",
				"%,d acknowledged, all counted; reading %d scores and pursuits".formatted(acked.get(), samples.size()));
		return new Measured(acked.get(), since(samples, "scored", this.client::scoredAt),
				since(samples, "tracked", this.client::trackedAt), CurveLatency.latencies(acks, polls));
	}

	/**
	 * True when every post has finished; a failed one is thrown at once.
	 */
	private static boolean allDone(List<CompletableFuture<Void>> posts) {
		synchronized (posts) {
			posts.stream().filter(CompletableFuture::isCompletedExceptionally).forEach(CompletableFuture::join);
			return posts.stream().allMatch(CompletableFuture::isDone);
		}
	}

	/**
	 * For each sample, the milliseconds from its 202 to the moment {@code at} tells. The
	 * funnel counting a listing means scoring has scored it, not that tracking has taken
	 * it (tracking reads the scores on its own), so a sample not there yet is asked
	 * again, for up to {@link #PATIENCE}.
	 */
	private static double[] since(List<Sample> samples, String what, Function<String, Optional<Instant>> at)
			throws InterruptedException {
		double[] latencies = new double[samples.size()];
		for (int i = 0; i < latencies.length; i++) {
			Sample sample = samples.get(i);
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			Optional<Instant> reached = at.apply(sample.jobKey());
			while (reached.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(POLL_MILLIS);
				reached = at.apply(sample.jobKey());
			}
			Instant when = reached.orElseThrow(() -> new IllegalStateException(
					sample.jobKey() + " is counted but not " + what + " after " + PATIENCE.toSeconds() + " s"));
			latencies[i] = when.toEpochMilli() - sample.ackMillis();
		}
		return latencies;
	}

}
