package com.bidstream.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one table {@code ./bidstream bench} prints: throughput against raw Kafka, latency
 * at a steady rate, and memory and CPU per process, step by step.
 */
final class ReportTable {

	/** How the rows of the services' own latency timers start. */
	static final String HOP = "hop ";

	private ReportTable() {
	}

	static String format(BenchResult result) {
		StringBuilder out = new StringBuilder();
		line(out, "Bidstream bench, %s: %,d listings end to end, %d cores", result.startedAt(), result.listings(),
				result.cores());
		line(out, "");
		line(out, "%-52s %11s %9s %11s %9s", "throughput", "count", "seconds", "per second", "vs raw");
		for (BenchResult.Throughput row : result.throughput()) {
			line(out, "%-52s %,11d %9.1f %,11.0f %9.4f", row.name(), row.count(), row.seconds(), row.perSecond(),
					row.ratioToRaw());
		}
		line(out, "");
		line(out, "latency: %s", result.latencyStep());
		if (!result.latency().isEmpty()) {
			line(out, "%-52s %7s %8s %8s %8s %8s", "  ms", "n", "p50", "p95", "p99", "max");
		}
		boolean hops = false;
		for (BenchResult.LatencyRow row : result.latency()) {
			Percentiles p = row.millis();
			if (!hops && row.path().startsWith(HOP)) {
				line(out, "per hop: the services' own timers over their last ~2 min (so with the end-to-end backlog)");
				hops = true;
			}
			line(out, "%-52s %7d %8s %8s %8s %8s", row.path(), p.count(), ms(p.p50()), ms(p.p95()), ms(p.p99()),
					ms(p.max()));
		}
		line(out, "");
		List<String> steps = new ArrayList<>(result.stepSeconds().keySet());
		StringBuilder header = new StringBuilder(
				String.format(Locale.ROOT, "%-20s %12s %10s", "process", "peak RSS MiB", "CPU s"));
		steps.forEach((step) -> header.append(String.format(Locale.ROOT, " %12s", step)));
		line(out, "%s", header);
		for (BenchResult.ProcessUsage process : result.processes()) {
			StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s %12.0f %10.1f", process.name(),
					process.peakRssMb(), process.cpuSeconds()));
			steps.forEach((step) -> row
				.append(String.format(Locale.ROOT, " %12.1f", process.cpuSecondsByStep().getOrDefault(step, 0.0))));
			line(out, "%s", row);
		}
		StringBuilder wall = new StringBuilder(String.format(Locale.ROOT, "%-20s %12s %10.1f", "(wall seconds)", "",
				result.stepSeconds().values().stream().mapToDouble(Double::doubleValue).sum()));
		steps.forEach((step) -> wall.append(String.format(Locale.ROOT, " %12.1f", result.stepSeconds().get(step))));
		line(out, "%s", wall);
		if (!result.heapMb().isEmpty()) {
			line(out, "");
			StringBuilder heading = new StringBuilder(
					String.format(Locale.ROOT, "%-33s", "heap used MiB (of " + result.maxHeap() + "), lowest-highest"));
			steps.forEach((step) -> heading.append(String.format(Locale.ROOT, " %12s", step)));
			line(out, "%s", heading);
			result.heapMb().forEach((service, ranges) -> {
				StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-33s", service));
				steps.forEach((step) -> {
					double[] range = ranges.get(step);
					row.append(String.format(Locale.ROOT, " %12s",
							(range != null) ? String.format(Locale.ROOT, "%.0f-%.0f", range[0], range[1]) : "-"));
				});
				line(out, "%s", row);
			});
		}
		if (!result.notes().isEmpty()) {
			line(out, "");
			result.notes().forEach((note) -> line(out, "* %s", note));
		}
		return out.toString();
	}

	private static String ms(Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.0f", value) : "-";
	}

	private static void line(StringBuilder out, String format, Object... args) {
		out.append(String.format(Locale.ROOT, format, args)).append('\n');
	}

}
