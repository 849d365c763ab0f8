package com.bidstream.reporting.health;

import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipeline health gauges, each reading the sampler's latest snapshot, so a scrape
 * never touches the broker or the database. A gauge holds what it reads weakly unless
 * told otherwise; what these read is a method reference nothing else holds, so each holds
 * it strongly (without that, every one of them read NaN after the first garbage
 * collection).
 */
final class HealthGauges {

	private HealthGauges() {
	}

	static void register(MeterRegistry meters, Supplier<HealthSnapshot> snapshots) {
		gauge(meters, "bidstream.reporting.health.status", "Pipeline status: 0 ok, 1 degraded, 2 down", snapshots,
				(snapshot) -> snapshot.status().level());
		for (PipelineStage stage : PipelineStage.values()) {
			String label = stage.label();
			if (stage.group() != null) {
				Gauge
					.builder("bidstream.reporting.health.lag", snapshots,
							(s) -> broker(s.get(), (sample) -> sample.lagOf(stage)))
					.description("Records the consumer group has yet to read")
					.tag("group", stage.group())
					.strongReference(true)
					.register(meters);
				Gauge
					.builder("bidstream.reporting.health.dead-letters", snapshots,
							(s) -> broker(s.get(), (sample) -> sample.deadLettersOf(stage)))
					.description("Records in the stage's dead-letter topics")
					.tag("stage", label)
					.strongReference(true)
					.register(meters);
			}
			Gauge
				.builder("bidstream.reporting.health.stage.per-minute", snapshots,
						(s) -> recent(s.get(), stage, StageFigures::perMinute))
				.description("Events of the stage per minute, the last 5 minutes, all agencies")
				.tag("stage", label)
				.strongReference(true)
				.register(meters);
			latency(meters, snapshots, stage, "p50", StageFigures::p50);
			latency(meters, snapshots, stage, "p95", StageFigures::p95);
			latency(meters, snapshots, stage, "p99", StageFigures::p99);
		}
	}

	private static void latency(MeterRegistry meters, Supplier<HealthSnapshot> snapshots, PipelineStage stage,
			String quantile, Function<StageFigures, Long> value) {
		Gauge
			.builder("bidstream.reporting.health.stage.latency", snapshots,
					(s) -> recent(s.get(), stage,
							(figures) -> (value.apply(figures) != null) ? value.apply(figures) : Double.NaN))
			.description("Stage latency in ms over the last 15 minutes, all agencies (bucket upper bound)")
			.baseUnit("milliseconds")
			.tag("stage", stage.label())
			.tag("quantile", quantile)
			.strongReference(true)
			.register(meters);
	}

	private static void gauge(MeterRegistry meters, String name, String description, Supplier<HealthSnapshot> snapshots,
			ToDoubleFunction<HealthSnapshot> value) {
		Gauge.builder(name, snapshots, (s) -> value.applyAsDouble(s.get()))
			.description(description)
			.strongReference(true)
			.register(meters);
	}

	private static double broker(HealthSnapshot snapshot, ToDoubleFunction<BrokerSample> value) {
		BrokerSample latest = snapshot.latest();
		return (latest != null && latest.reachable()) ? value.applyAsDouble(latest) : Double.NaN;
	}

	private static double recent(HealthSnapshot snapshot, PipelineStage stage, ToDoubleFunction<StageFigures> value) {
		StageFigures figures = snapshot.recent().get(stage);
		return (figures != null) ? value.applyAsDouble(figures) : Double.NaN;
	}

}
