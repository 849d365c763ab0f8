package com.bidstream.reporting.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's reason says each trouble once, after the stages it holds for.
 */
class HealthServiceReasonTests {

	@Test
	void aTroubleOfEveryStageIsSaidOnce() {
		Map<String, List<String>> troubles = new LinkedHashMap<>();
		troubles.put("the broker did not answer: no answer within 3000 ms",
				List.of("ingest", "scoring", "tracking", "reporting"));
		troubles.put("the feeds could not be read: ingest cannot be reached", List.of("feeds"));

		assertThat(HealthService.reason(troubles))
			.isEqualTo("ingest, scoring, tracking, reporting: the broker did not answer: no answer within 3000 ms; "
					+ "feeds: the feeds could not be read: ingest cannot be reached");
		assertThat(HealthService.reason(Map.of())).isEqualTo("every stage keeps up");
	}

}
