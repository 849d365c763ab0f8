package com.bidstream.localstack.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code ./bidstream bench} runs: how many listings end to end, how many raw Kafka
 * records, the steady rate and length of the latency step, how long the end-to-end step
 * may wait for the funnel to count everything (and the import step for its listings to be
 * on the topic), how many lines the NDJSON import has, where the results go, whether the
 * data directory is a scratch one to delete at the end, and how many listings warm the
 * services up end to end before the timed step (0: none, a cold start).
 */
public record BenchSettings(int listings, int rawRecords, int steadyRate, int steadySeconds, Duration endToEndDeadline,
		int importLines, Path output, boolean scratchDataDir, int warmUpListings) {

	/** Listings per request in the throughput step (the contract's maximum). */
	static final int BATCH = 1000;

	/** Concurrent HTTP clients in the throughput step. */
	static final int CLIENTS = 4;

	/** The latency step posts a batch this often: 1,000/s is 100 listings per tick. */
	static final int TICKS_PER_SECOND = 10;

	public BenchSettings {
		if (listings < BATCH || listings % BATCH != 0) {
			throw new IllegalArgumentException("--listings must be a multiple of " + BATCH + ", not " + listings);
		}
		if (warmUpListings < 0 || warmUpListings % BATCH != 0) {
			throw new IllegalArgumentException("--warm-up must be a multiple of " + BATCH + ", not " + warmUpListings);
		}
		if (steadyRate < TICKS_PER_SECOND || steadyRate % TICKS_PER_SECOND != 0) {
			throw new IllegalArgumentException("--rate must be a multiple of " + TICKS_PER_SECOND);
		}
	}

	/**
	 * The latency step's rate: the one asked for, but at most three quarters of what the
	 * pipeline managed end to end, so that it measures latency, not a growing backlog.
	 */
	int steadyRate(double endToEndPerSecond) {
		int most = (int) (endToEndPerSecond * 3 / 4) / TICKS_PER_SECOND * TICKS_PER_SECOND;
		return Math.max(TICKS_PER_SECOND, Math.min(this.steadyRate, most));
	}

}
