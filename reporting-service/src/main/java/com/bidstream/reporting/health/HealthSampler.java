package com.bidstream.reporting.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.annotation.PreDestroy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Samples the broker every {@code sampleInterval} (a @Scheduled job), keeps the samples
 * of the window in memory, re-reads the newest dead letters only when their topics grew,
 * reads every agency's sources, judges the all-agencies status and publishes it all as
 * one {@link HealthSnapshot} that requests and gauges read without touching the broker.
 * Once an hour it forgets stage buckets older than the retention.
 */
class HealthSampler {

	static final int KEPT_REJECTS = 200;

	private static final Logger log = LoggerFactory.getLogger(HealthSampler.class);

	private static final Duration PRUNE_EVERY = Duration.ofHours(1);

	private final BrokerProbe probe;

	private final RejectReader rejectReader;

	private final SourceReader sourceReader;

	private final StageReader stageReader;

	private final JdbcClient jdbc;

	private final HealthJudge judge;

	private final HealthProperties settings;

	private final Clock clock;

	private final ServiceChecks services;

	private final Deque<BrokerSample> window = new ArrayDeque<>();

	private volatile HealthSnapshot snapshot = HealthSnapshot.empty();

	private Map<TopicPartition, Long> readDeadLetterEnds;

	private Instant prunedAt;

	HealthSampler(BrokerProbe probe, RejectReader rejectReader, SourceReader sourceReader, StageReader stageReader,
			JdbcClient jdbc, HealthProperties settings, Clock clock, MeterRegistry meters, ServiceChecks services) {
		this.probe = probe;
		this.rejectReader = rejectReader;
		this.sourceReader = sourceReader;
		this.stageReader = stageReader;
		this.jdbc = jdbc;
		this.judge = new HealthJudge(settings);
		this.settings = settings;
		this.clock = clock;
		this.services = services;
		HealthGauges.register(meters, this::snapshot);
	}

	HealthSnapshot snapshot() {
		return this.snapshot;
	}

	/**
	 * One sample; each part that fails keeps what it had and says so in the log.
	 */
	synchronized void sample() {
		Instant now = this.clock.instant();
		BrokerSample sample = this.probe.sample(now);
		this.window.addLast(sample);
		while (this.window.peekFirst().at().isBefore(now.minus(this.settings.window()))) {
			this.window.removeFirst();
		}
		HealthSnapshot previous = this.snapshot;
		List<Reject> rejects = previous.rejects();
		if (sample.reachable() && !sample.deadLetterEnds().equals(this.readDeadLetterEnds)) {
			rejects = attempt("read the newest dead letters",
					() -> newest(this.rejectReader.newest(sample.deadLetterEnds())), rejects);
			this.readDeadLetterEnds = sample.deadLetterEnds();
		}
		List<SourceFigures> sources = attempt("read the sources", () -> this.sourceReader.read(now),
				previous.sources());
		var recent = attempt("read the recent stage figures",
				() -> this.stageReader.read(Optional.empty(), now, StageReader.LATENCY_WINDOW), previous.recent());
		Map<PipelineStage, String> servicesDown = (this.services != null)
				? attempt("ask the services for their health", this.services::check, previous.servicesDown())
				: Map.of();
		List<BrokerSample> samples = List.copyOf(this.window);
		this.snapshot = new HealthSnapshot(samples, sources, rejects,
				this.judge.judge(samples, sources, servicesDown, now, true), recent, servicesDown);
		if (this.prunedAt == null || now.isAfter(this.prunedAt.plus(PRUNE_EVERY))) {
			this.prunedAt = now;
			attempt("forget old stage buckets",
					() -> this.jdbc.sql("delete from health_buckets where minute < ?")
						.param(now.minus(this.settings.retention()).atOffset(ZoneOffset.UTC))
						.update(),
					0);
		}
	}

	HealthJudge judge() {
		return this.judge;
	}

	private static List<Reject> newest(List<Reject> rejects) {
		return List.copyOf(rejects.subList(0, Math.min(KEPT_REJECTS, rejects.size())));
	}

	private static <T> T attempt(String what, Supplier<T> work, T otherwise) {
		try {
			return work.get();
		}
		catch (RuntimeException ex) {
			log.warn("Pipeline health could not {} ({}); keeping what it had", what, ex.getMessage());
			return otherwise;
		}
	}

	@Scheduled(fixedDelayString = "${bidstream.reporting.health.sample-interval:5s}")
	void sampleQuietly() {
		attempt("take a sample", () -> {
			sample();
			return null;
		}, null);
	}

	@PreDestroy
	void close() {
		this.probe.close();
	}

}
