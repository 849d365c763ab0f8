package com.bidstream.localstack.bench;

import java.nio.file.Path;

/**
 * What {@code ./bidstream bench} runs: how many listings end to end, how many raw Kafka
 * records, the steady rate and length of the latency step, where the results go, and
 * whether the data directory is a scratch one to delete at the end.
 */
public record BenchSettings(int listings, int rawRecords, int steadyRate, int steadySeconds, Path output,
		boolean scratchDataDir) {

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
		if (steadyRate < TICKS_PER_SECOND || steadyRate % TICKS_PER_SECOND != 0) {
			throw new IllegalArgumentException("--rate must be a multiple of " + TICKS_PER_SECOND);
		}
	}

	int steadyBatch() {
		return this.steadyRate / TICKS_PER_SECOND;
	}

}
