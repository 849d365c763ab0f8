package com.bidstream.localstack.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTableTests {

	private final BenchResult result = result();

	@Test
	void throughputRowsShowTheirRatioToRawKafka() {
		String table = ReportTable.format(this.result);

		assertThat(table).contains("Bidstream bench, 2026-11-26T10:00:00Z: 20,000 listings end to end, 2 cores");
		assertThat(line(table, "raw Kafka")).contains("500,000").contains("160,000").endsWith("1.0000");
		assertThat(line(table, "end to end")).contains("20,000").contains("2,000").endsWith("0.0125");
	}

	@Test
	void latencyRowsShowCountAndMillisecondsAndADashWhenNothingWasMeasured() {
		String table = ReportTable.format(this.result);

		assertThat(line(table, "202 -> scored")).matches(".*\\s300\\s+41\\s+95\\s+180\\s+733$");
		assertThat(line(table, "hop reporting")).matches(".*\\s0\\s+-\\s+-\\s+-\\s+-$");
	}

	@Test
	void theServicesOwnTimersComeUnderOneHeadingThatSaysWhatTheyCover() {
		String table = ReportTable.format(this.result);

		assertThat(table).containsOnlyOnce("per hop").contains("last ~2 min");
		assertThat(table.indexOf("per hop")).isBetween(table.indexOf("202 -> scored"), table.indexOf("hop reporting"));
	}

	@Test
	void processRowsSplitCpuByStepAndTheWallTimeRowSumsTheSteps() {
		String table = ReportTable.format(this.result);

		assertThat(line(table, "process")).contains("raw kafka").contains("end to end");
		assertThat(line(table, "scoring")).matches("scoring\\s+612\\s+55\\.0\\s+0\\.5\\s+54\\.5$");
		assertThat(line(table, "(wall seconds)")).matches(".*\\s45\\.0\\s+5\\.0\\s+40\\.0$");
	}

	@Test
	void heapRowsShowEachServicesLowestAndHighestReadingPerStepAgainstItsLimit() {
		String table = ReportTable.format(this.result);

		assertThat(line(table, "heap used MiB")).contains("of 384m").contains("raw kafka").contains("end to end");
		assertThat(table.lines().filter((l) -> l.startsWith("scoring ")).reduce((a, b) -> b).orElseThrow())
			.contains("61-300")
			.contains(" - ");
	}

	@Test
	void aSkippedLatencyStepSaysWhyAndPrintsNoEmptyColumns() {
		BenchResult skipped = new BenchResult(this.result.startedAt(), 2, 100_000, this.result.throughput(),
				"skipped: 61,000 listings were still in the pipeline", List.of(), this.result.stepSeconds(),
				this.result.processes(), Map.of(), "384m", List.of());

		String table = ReportTable.format(skipped);

		assertThat(table).contains("latency: skipped: 61,000 listings were still in the pipeline")
			.doesNotContain("p50");
	}

	@Test
	void theJsonHoldsEveryFigureOfTheTable() {
		JsonNode json = EventCodec.mapper()
			.readTree(EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this.result));

		assertThat(json.path("listings").asInt()).isEqualTo(20_000);
		assertThat(json.path("throughput").get(1).path("ratioToRaw").asDouble()).isEqualTo(0.0125);
		assertThat(json.path("latency").get(0).path("millis").path("p99").asDouble()).isEqualTo(180.0);
		assertThat(json.path("latency").get(0).path("measuredBy").asString()).isNotBlank();
		assertThat(json.path("processes").get(0).path("cpuSecondsByStep").path("end to end").asDouble())
			.isEqualTo(54.5);
		assertThat(json.path("notes")).isNotEmpty();
	}

	private static String line(String table, String start) {
		return table.lines().filter((line) -> line.startsWith(start)).findFirst().orElseThrow();
	}

	private static BenchResult result() {
		Map<String, Double> steps = new LinkedHashMap<>();
		steps.put("raw kafka", 5.0);
		steps.put("end to end", 40.0);
		Map<String, Double> cpu = new LinkedHashMap<>();
		cpu.put("raw kafka", 0.5);
		cpu.put("end to end", 54.5);
		return new BenchResult("2026-11-26T10:00:00Z", 2, 20_000,
				List.of(new BenchResult.Throughput("raw Kafka producer", 500_000, 3.125, 160_000,
						1.0), new BenchResult.Throughput("end to end", 20_000, 10, 2_000, 0.0125)),
				"steady 1,000/s for 30 s",
				List.of(new BenchResult.LatencyRow("202 -> scored", "scoredAt",
						new Percentiles(300, 41.0, 95.0, 180.0, 733.0)),
						new BenchResult.LatencyRow("hop reporting applied PursuitAdvanced", "timer", Percentiles.NONE)),
				steps, List.of(new BenchResult.ProcessUsage("scoring", 4242, 612.4, 55.0, cpu)),
				Map.of("scoring", Map.of("end to end", new double[] { 61.4, 300.2 })), "384m", List.of("a note"));
	}

}
