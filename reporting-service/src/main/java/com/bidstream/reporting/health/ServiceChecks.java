package com.bidstream.reporting.health;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks ingest, scoring and tracking for their own health at each sample, and tells which
 * failed twice in a row: a service killed, stopped or out of its database shows at once,
 * where the broker's figures showed it only once its lag had not moved for the whole
 * window (a walkthrough's killed scoring read OK for its whole outage). One failed answer
 * alone (a pause, a busy machine) says nothing. Logs each change, not each sample.
 */
class ServiceChecks {

	private static final Logger log = LoggerFactory.getLogger(ServiceChecks.class);

	private final Function<String, Optional<String>> ask;

	private Map<PipelineStage, String> failedLastTime = Map.of();

	/**
	 * @param ask why the service of that name does not say it is up, empty when it does
	 */
	ServiceChecks(Function<String, Optional<String>> ask) {
		this.ask = ask;
	}

	/**
	 * Asks each service once.
	 * @return why, for each stage whose service failed this time and the time before
	 */
	Map<PipelineStage, String> check() {
		Map<PipelineStage, String> failed = new EnumMap<>(PipelineStage.class);
		for (PipelineStage stage : PipelineStage.values()) {
			if (stage == PipelineStage.REPORTING) {
				continue;
			}
			this.ask.apply(stage.label()).ifPresent((why) -> failed.put(stage, why));
		}
		Map<PipelineStage, String> down = new EnumMap<>(PipelineStage.class);
		for (PipelineStage stage : PipelineStage.values()) {
			boolean now = failed.containsKey(stage);
			boolean before = this.failedLastTime.containsKey(stage);
			if (now && before) {
				down.put(stage, failed.get(stage));
			}
			if (now && !before) {
				log.warn("Pipeline health: the {} service {}", stage.label(), failed.get(stage));
			}
			else if (!now && before) {
				log.info("Pipeline health: the {} service answers its health check again", stage.label());
			}
		}
		this.failedLastTime = failed;
		return down;
	}

}
