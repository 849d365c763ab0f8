package com.bidstream.localstack.bench;

import com.bidstream.localstack.Console;

/**
 * A progress line every few seconds on a long step: posted, counted so far, and the rates
 * since the previous line. It fails the step when nothing more was counted for too long,
 * rather than wait forever on a pipeline that stopped.
 */
final class Progress {

	private static final long EVERY_NANOS = 5_000_000_000L;

	private static final long STALLED_NANOS = 180_000_000_000L;

	private final Console console;

	private final String step;

	private long lastLine;

	private long lastPosted;

	private long lastCounted;

	private long lastChange;

	private long seenPosted;

	private long seenCounted;

	private final String counting;

	Progress(Console console, String step, long started) {
		this(console, step, "scored", started);
	}

	/**
	 * @param counting what the second figure of {@link #report} counts
	 */
	Progress(Console console, String step, String counting, long started) {
		this.console = console;
		this.step = step;
		this.counting = counting;
		this.lastLine = started;
		this.lastChange = started;
	}

	void report(long posted, long counted) {
		long now = System.nanoTime();
		if (posted != this.seenPosted || counted != this.seenCounted) {
			this.lastChange = now;
			this.seenPosted = posted;
			this.seenCounted = counted;
		}
		else if (now - this.lastChange > STALLED_NANOS) {
			throw new IllegalStateException("%s: nothing new counted for %d s (posted %,d, counted %,d); see the logs"
				.formatted(this.step, STALLED_NANOS / 1_000_000_000L, posted, counted));
		}
		if (now - this.lastLine < EVERY_NANOS) {
			return;
		}
		double seconds = (now - this.lastLine) / 1e9;
		this.console.step(this.step, "posted %,d, %s %,d (%,.0f/s and %,.0f/s)".formatted(posted, this.counting,
				counted, (posted - this.lastPosted) / seconds, (counted - this.lastCounted) / seconds));
		this.lastLine = now;
		this.lastPosted = posted;
		this.lastCounted = counted;
	}

}
