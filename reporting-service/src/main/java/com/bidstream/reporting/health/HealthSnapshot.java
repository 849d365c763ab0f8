package com.bidstream.reporting.health;

import java.util.List;
import java.util.Map;

/**
 * What the sampler last saw: the window's broker samples (oldest first), every agency's
 * sources, the newest dead letters (newest first), the all-agencies verdicts and the
 * recent stage figures behind the gauges.
 */
record HealthSnapshot(List<BrokerSample> samples, List<SourceFigures> sources, List<Reject> rejects,
		Map<PipelineStage, Verdict> verdicts, Map<PipelineStage, StageFigures> recent) {

	static HealthSnapshot empty() {
		return new HealthSnapshot(List.of(), List.of(), List.of(), Map.of(), Map.of());
	}

	BrokerSample latest() {
		return this.samples.isEmpty() ? null : this.samples.get(this.samples.size() - 1);
	}

	HealthStatus status() {
		return this.verdicts.values().stream().map(Verdict::status).reduce(HealthStatus.OK, HealthStatus::worst);
	}

}
