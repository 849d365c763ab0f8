package com.bidstream.localstack.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as printed and as written to {@code target/bench/*.json}.
 * Rates are per second, latencies in milliseconds, memory in MiB, CPU in seconds.
 * {@code latencyStep} says what the latency step ran (or why it was skipped: then
 * {@code latency} is empty).
 */
record BenchResult(String startedAt, int cores, int listings, List<Throughput> throughput, String latencyStep,
		List<LatencyRow> latency, Map<String, Double> stepSeconds, List<ProcessUsage> processes,
		Map<String, Map<String, double[]>> heapMb, String maxHeap, List<String> notes) {

	/**
	 * {@code ratioToRaw}: this rate over the raw Kafka producer's in the same run.
	 */
	record Throughput(String name, long count, double seconds, double perSecond, double ratioToRaw) {
	}

	record LatencyRow(String path, String measuredBy, Percentiles millis) {
	}

	record ProcessUsage(String name, long pid, double peakRssMb, double cpuSeconds,
			Map<String, Double> cpuSecondsByStep) {
	}

}
