package com.bidstream.reporting.dashboard;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
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

	@Test
	void aServiceSaysWhyItsHealthCheckFails() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		int[] status = { 200 };
		server.createContext("/actuator/health", (exchange) -> {
			exchange.sendResponseHeaders(status[0], -1);
			exchange.close();
		});
		server.start();
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}
		try {
			URI up = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
			URI gone = URI.create("http://127.0.0.1:" + closed);
			Upstream upstream = new Upstream(
					new UpstreamProperties(up, gone, null, Duration.ofSeconds(1), Duration.ofSeconds(10)), this.meters);

			assertThat(upstream.healthProblem("scoring", Duration.ofSeconds(2))).isEmpty();
			assertThat(upstream.healthProblem("tracking", Duration.ofSeconds(2)))
				.contains("cannot be reached at 127.0.0.1:" + closed);
			assertThat(upstream.healthProblem("ingest", Duration.ofSeconds(2))).as("ingest's address is not set")
				.isEmpty();
			status[0] = 503;
			assertThat(upstream.healthProblem("scoring", Duration.ofSeconds(2)))
				.contains("says it is DOWN (its health check answered 503)");
			status[0] = 401;
			assertThat(upstream.healthProblem("scoring", Duration.ofSeconds(2))).as("it runs").isEmpty();
		}
		finally {
			server.stop(0);
		}
	}

}
