package com.bidstream.reporting.dashboard;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.bidstream.platform.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call to another service waits for its whole answer at most its patience, not only for
 * the answer's headers as the JDK client's own timeout does.
 */
class UpstreamTests {

	private final ExecutorService senders = Executors.newCachedThreadPool();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private HttpServer server;

	@BeforeEach
	void serveSlowly() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		// the headers at once, then a byte a second for 6 s
		this.server.createContext("/api/v1/feeds", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 6; i++) {
					out.write(' ');
					out.flush();
					Thread.sleep(1_000);
				}
				out.write("[]".getBytes(StandardCharsets.UTF_8));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (java.io.IOException ex) {
				// the client gave up: what this test wants
			}
		});
		this.server.setExecutor(this.senders);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		this.senders.shutdownNow();
	}

	@Test
	void aBodySentSlowlyIsNotWaitedForPastThePatience() {
		URI here = URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		Upstream upstream = new Upstream(
				new UpstreamProperties(here, here, here, Duration.ofSeconds(1), Duration.ofSeconds(10)), this.meters);

		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> upstream.ingest("/api/v1/feeds", "dev-demo-key", Duration.ofMillis(1_500)))
			.withMessageContaining("The ingest service did not answer in time");
		assertThat(this.meters.get("bidstream.reporting.dashboard.upstream").tag("outcome", "timeout").timer().count())
			.isEqualTo(1);
	}

}
