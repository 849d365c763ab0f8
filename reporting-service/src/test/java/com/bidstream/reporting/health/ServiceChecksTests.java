package com.bidstream.reporting.health;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service is down once it failed two health checks in a row: one failure alone (a
 * pause, a busy machine) says nothing.
 */
class ServiceChecksTests {

	private final Map<String, String> failing = new HashMap<>();

	private final Map<String, Integer> asked = new HashMap<>();

	private final ServiceChecks checks = new ServiceChecks((service) -> {
		this.asked.merge(service, 1, Integer::sum);
		return Optional.ofNullable(this.failing.get(service));
	});

	@Test
	void aServiceIsDownAfterTwoFailedChecksInARowAndUpAgainAtTheFirstAnswer() {
		assertThat(this.checks.check()).isEmpty();
		this.failing.put("scoring", "cannot be reached at localhost:8082");
		assertThat(this.checks.check()).as("one failure").isEmpty();
		assertThat(this.checks.check())
			.containsExactly(Map.entry(PipelineStage.SCORING, "cannot be reached at localhost:8082"));
		this.failing.remove("scoring");
		assertThat(this.checks.check()).as("answered again").isEmpty();
		this.failing.put("scoring", "did not answer its health check within 2 s");
		assertThat(this.checks.check()).as("a failure after an answer starts again").isEmpty();
	}

	@Test
	void asksIngestScoringAndTrackingButNotReportingItself() {
		this.checks.check();
		assertThat(this.asked).containsOnlyKeys("ingest", "scoring", "tracking");
	}

}
