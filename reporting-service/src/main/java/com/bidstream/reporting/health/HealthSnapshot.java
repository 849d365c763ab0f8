package com.bidstream.reporting.health;

import java.util.List;
import java.util.Map;

/**
 * What the sampler last saw: the window's broker samples (oldest first), every agency's
 * sources, the newest dead letters (newest first), the all-agencies verdicts, the recent
 * stage figures behind the gauges and the services that did not answer their health
 * checks ({@link ServiceChecks}).
 */
record HealthSnapshot(List<BrokerSample> samples, List<SourceFigures> sources, List<Reject> rejects,
		Map<PipelineStage, Verdict> verdicts, Map<PipelineStage, StageFigures> recent,
		Map<PipelineStage, String> servicesDown) {

	static HealthSnapshot empty() {
		return new HealthSnapshot(List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());
	}

	BrokerSample latest() {
		return this.samples.isEmpty() ? null : this.samples.get(this.samples.size() - 1);
	}

	HealthStatus status() {
		return this.verdicts.values().stream().map(Verdict::status).reduce(HealthStatus.OK, HealthStatus::worst);
	}

}
