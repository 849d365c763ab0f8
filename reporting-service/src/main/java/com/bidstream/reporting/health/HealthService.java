package com.bidstream.reporting.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts the report together: stage figures from the buckets of the scope (one query), the
 * broker figures and sources from the sampler's snapshot, and the verdicts judged over
 * the sources the caller may see.
 */
class HealthService {

	private final HealthSampler sampler;

	private final StageReader stages;

	private final HealthProperties settings;

	private final Clock clock;

	HealthService(HealthSampler sampler, StageReader stages, HealthProperties settings, Clock clock) {
		this.sampler = sampler;
		this.stages = stages;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param agency the agency in view, empty for all
	 * @param namesAgencies whether reasons may name agencies (an operator's view)
	 */
	HealthReport report(Optional<String> agency, boolean namesAgencies, Optional<FeedCheck.Result> feeds) {
		Instant now = this.clock.instant();
		HealthSnapshot snapshot = this.sampler.snapshot();
		List<SourceFigures> sources = snapshot.sources()
			.stream()
			.filter((source) -> agency.isEmpty() || agency.get().equals(source.agencyId()))
			.toList();
		Map<PipelineStage, Verdict> verdicts = this.sampler.judge()
			.judge(snapshot.samples(), sources, snapshot.servicesDown(), now, namesAgencies);
		Map<PipelineStage, StageFigures> figures = this.stages.read(agency, now);
		BrokerSample latest = snapshot.latest();
		boolean broker = latest != null && latest.reachable();
		List<HealthReport.Stage> stageRows = new ArrayList<>();
		Map<String, List<String>> troubles = new LinkedHashMap<>();
		HealthStatus overall = HealthStatus.OK;
		for (PipelineStage stage : PipelineStage.values()) {
			StageFigures figure = figures.get(stage);
			Verdict verdict = verdicts.get(stage);
			boolean consumer = stage.group() != null;
			stageRows.add(new HealthReport.Stage(stage.label(), figure.processed(), figure.perMinute(),
					figure.lastEventAt(), new HealthReport.Latency(figure.p50(), figure.p95(), figure.p99()),
					(consumer && broker) ? latest.lagOf(stage) : null,
					(consumer && broker) ? latest.deadLettersOf(stage) : null, verdict.status(), verdict.reason()));
			overall = overall.worst(verdict.status());
			if (verdict.status() != HealthStatus.OK) {
				troubles.computeIfAbsent(verdict.reason(), (why) -> new ArrayList<>()).add(stage.label());
			}
		}
		if (feeds.isPresent()) {
			Verdict verdict = feeds.get().verdict(namesAgencies);
			overall = overall.worst(verdict.status());
			if (verdict.status() != HealthStatus.OK) {
				troubles.computeIfAbsent(verdict.reason(), (why) -> new ArrayList<>()).add("feeds");
			}
		}
		String reason = reason(troubles);
		return new HealthReport(overall, reason, stageRows, bySource(sources), rejects(snapshot, agency),
				feeds.map((found) -> new HealthReport.Feeds(found.failing(), found.unanswered())).orElse(null));
	}

	/**
	 * The report's reason: each trouble once, after the stages it holds for ("ingest,
	 * scoring, tracking, reporting: the broker did not answer: ..." said it four times).
	 * @param troubles each reason with the stages it holds for, in the stages' order
	 */
	static String reason(Map<String, List<String>> troubles) {
		if (troubles.isEmpty()) {
			return "every stage keeps up";
		}
		List<String> parts = new ArrayList<>();
		troubles.forEach((why, stages) -> parts.add(String.join(", ", stages) + ": " + why));
		return String.join("; ", parts);
	}

	private static List<HealthReport.Source> bySource(List<SourceFigures> sources) {
		Map<String, HealthReport.Source> rows = new TreeMap<>();
		for (SourceFigures figures : sources) {
			rows.merge(figures.source(),
					new HealthReport.Source(figures.source(), figures.lastListingAt(), figures.listings24h()),
					(a, b) -> new HealthReport.Source(a.source(),
							a.lastListingAt().isAfter(b.lastListingAt()) ? a.lastListingAt() : b.lastListingAt(),
							a.listings24h() + b.listings24h()));
		}
		return List.copyOf(rows.values());
	}

	private List<HealthReport.Rejected> rejects(HealthSnapshot snapshot, Optional<String> agency) {
		return snapshot.rejects()
			.stream()
			.filter((reject) -> agency.isEmpty() || agency.get().equals(reject.agencyId()))
			.limit(this.settings.rejects())
			.map((reject) -> new HealthReport.Rejected(reject.at(), reject.stage(), reject.reason()))
			.toList();
	}

}
