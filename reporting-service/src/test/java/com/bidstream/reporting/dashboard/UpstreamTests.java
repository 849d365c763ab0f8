package com.bidstream.reporting.dashboard;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.testsupport.TricklingServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call to another service waits for its whole answer at most its patience, not only for
 * the answer's headers as the JDK client's own timeout does.
 */
class UpstreamTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void aBodySentSlowlyIsNotWaitedForPastThePatience() {
		try (TricklingServer slow = new TricklingServer(6)) {
			URI here = slow.url();
			Upstream upstream = new Upstream(
					new UpstreamProperties(here, here, here, Duration.ofSeconds(1), Duration.ofSeconds(10)),
					this.meters);

			assertThatExceptionOfType(ApiProblem.class)
				.isThrownBy(() -> upstream.ingest("/api/v1/feeds", "dev-demo-key", Duration.ofMillis(1_500)))
				.withMessageContaining("The ingest service did not answer in time");
			assertThat(
					this.meters.get("bidstream.reporting.dashboard.upstream").tag("outcome", "timeout").timer().count())
				.isEqualTo(1);
		}
	}

}
