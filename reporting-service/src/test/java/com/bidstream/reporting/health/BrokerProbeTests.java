package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerProbeTests {

	@Test
	void aBrokerThatDoesNotAnswerMakesAnUnreachableSampleWithinTheTimeoutAndJudgesDown() {
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 500, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 500);
		Instant at = Instant.parse("2026-03-02T10:00:00Z");
		BrokerSample sample;
		try (BrokerProbe probe = new BrokerProbe(Admin.create(config), Duration.ofMillis(500))) {
			sample = probe.sample(at);
		}
		assertThat(sample.reachable()).isFalse();
		assertThat(sample.failure()).as("in an operator's words, not the admin client's")
			.isEqualTo("no answer within 500 ms");
		HealthJudge judge = new HealthJudge(new HealthProperties(Duration.ofSeconds(5), Duration.ofMinutes(5),
				Duration.ofMillis(500), 5, Duration.ofMinutes(30), 20, 20, Duration.ofDays(8), false));
		assertThat(judge.judge(List.of(sample), List.of(), Map.of(), at, true).get(PipelineStage.REPORTING).status())
			.isEqualTo(HealthStatus.DOWN);
	}

}
