package com.bidstream.localstack.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * The heap each service uses, asked of its {@code /actuator/metrics} every two seconds:
 * per step, the lowest and the highest reading. The highest shows how close a step came
 * to the heap's limit; the lowest, read between collections, follows what stays live, so
 * a step that held more and more (a whole import file, say) would show it rising.
 */
final class HeapSampler implements AutoCloseable {

	/** Lowest and highest heap used in a step, in bytes. */
	record Range(long lowest, long highest) {

		Range with(long used) {
			return new Range(Math.min(this.lowest, used), Math.max(this.highest, used));
		}

	}

	private final Map<String, String> services;

	private final ToLongFunction<String> heapUsed;

	private final Map<String, Range> current = new LinkedHashMap<>();

	private final Map<String, Map<String, Range>> byStep = new LinkedHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-heap-sampler");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param services each service's base URL by its name
	 * @param heapUsed asks a base URL for the bytes its heap uses
	 */
	HeapSampler(Map<String, String> services, ToLongFunction<String> heapUsed) {
		this.services = Map.copyOf(services);
		this.heapUsed = heapUsed;
	}

	HeapSampler start() {
		this.timer.scheduleWithFixedDelay(this::sample, 0, 2, TimeUnit.SECONDS);
		return this;
	}

	synchronized void sample() {
		this.services.forEach((name, url) -> {
			try {
				long used = this.heapUsed.applyAsLong(url);
				this.current.merge(name, new Range(used, used), (range, one) -> range.with(used));
			}
			catch (RuntimeException ex) {
				// a service restarting or too busy to answer in time: the next reading
				// counts
			}
		});
	}

	/**
	 * Ends a step: the readings since the previous mark are that step's.
	 */
	synchronized void mark(String step) {
		sample();
		this.current
			.forEach((name, range) -> this.byStep.computeIfAbsent(name, (n) -> new LinkedHashMap<>()).put(step, range));
		this.current.clear();
	}

	/**
	 * Each service's range per step, in mebibytes: {@code [lowest, highest]}.
	 */
	synchronized Map<String, Map<String, double[]>> mebibytes() {
		Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
		this.byStep.forEach((name, steps) -> {
			Map<String, double[]> ranges = new LinkedHashMap<>();
			steps.forEach((step, range) -> ranges.put(step,
					new double[] { range.lowest() / 1048576.0, range.highest() / 1048576.0 }));
			out.put(name, ranges);
		});
		return out;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

}
