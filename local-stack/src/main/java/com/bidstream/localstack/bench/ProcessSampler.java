package com.bidstream.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Peak memory and CPU time of each process of the stack (and of the bench itself),
 * sampled every two seconds and at each step's end. A process counts with everything it
 * started: PostgreSQL's server and its backends belong to the {@code postgres} node.
 * Memory is the JVM's own peak ({@code VmHWM}) plus what its descendants hold
 * ({@code Pss}, so shared buffers count once); CPU includes reaped children.
 */
final class ProcessSampler implements AutoCloseable {

	/**
	 * Processes to count as one ({@code roots}); {@code tree}: with everything they
	 * started.
	 */
	record Tracked(String name, List<ProcessHandle> roots, boolean tree) {
	}

	private final List<Tracked> tracked;

	private final double ticksPerSecond = ticksPerSecond();

	private final Map<String, Long> peakKb = new LinkedHashMap<>();

	private final Map<String, Long> lastTicks = new LinkedHashMap<>();

	private final Map<String, Map<String, Long>> ticksAtMark = new LinkedHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bench-sampler");
		thread.setDaemon(true);
		return thread;
	});

	ProcessSampler(List<Tracked> tracked) {
		this.tracked = List.copyOf(tracked);
	}

	ProcessSampler start() {
		mark("start");
		this.timer.scheduleAtFixedRate(this::sample, 2, 2, TimeUnit.SECONDS);
		return this;
	}

	synchronized void sample() {
		for (Tracked process : this.tracked) {
			long kb = 0;
			long ticks = 0;
			for (ProcessHandle root : process.roots()) {
				kb += ProcStat.kilobytes(root.pid(), "status", "VmHWM");
				ticks += ProcStat.cpuTicks(root.pid(), true);
				List<ProcessHandle> descendants = process.tree() ? root.descendants().toList() : List.of();
				for (ProcessHandle child : descendants) {
					kb += ProcStat.kilobytes(child.pid(), "smaps_rollup", "Pss");
					ticks += ProcStat.cpuTicks(child.pid(), true);
				}
			}
			this.peakKb.merge(process.name(), kb, Math::max);
			// a process that has just gone reads as 0: keep what it had used
			this.lastTicks.merge(process.name(), ticks, Math::max);
		}
	}

	/**
	 * Ends a step: CPU used since the previous mark is that step's.
	 */
	synchronized void mark(String step) {
		sample();
		this.ticksAtMark.put(step, new LinkedHashMap<>(this.lastTicks));
	}

	synchronized List<BenchResult.ProcessUsage> usage() {
		List<String> marks = new ArrayList<>(this.ticksAtMark.keySet());
		List<BenchResult.ProcessUsage> usage = new ArrayList<>();
		for (Tracked process : this.tracked) {
			Map<String, Double> byStep = new LinkedHashMap<>();
			for (int i = 1; i < marks.size(); i++) {
				byStep.put(marks.get(i), seconds(process.name(), marks.get(i - 1), marks.get(i)));
			}
			double total = byStep.values().stream().mapToDouble(Double::doubleValue).sum();
			usage.add(new BenchResult.ProcessUsage(process.name(), process.roots().get(0).pid(),
					this.peakKb.getOrDefault(process.name(), 0L) / 1024.0, total, byStep));
		}
		return usage;
	}

	private double seconds(String name, String from, String to) {
		long ticks = this.ticksAtMark.get(to).getOrDefault(name, 0L)
				- this.ticksAtMark.get(from).getOrDefault(name, 0L);
		return ticks / this.ticksPerSecond;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	private static double ticksPerSecond() {
		try {
			Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
			return (getconf.waitFor() == 0) ? Double.parseDouble(out) : 100;
		}
		catch (IOException | NumberFormatException ex) {
			// USER_HZ is 100 on every Linux we run on
			return 100;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 100;
		}
	}

}
