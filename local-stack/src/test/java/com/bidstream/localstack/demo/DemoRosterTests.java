package com.bidstream.localstack.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo puts its freelancers on a roster once, and leaves one already there (perhaps
 * changed by hand) as it is.
 */
class DemoRosterTests {

	private HttpServer scoring;

	private final List<String> puts = new CopyOnWriteArrayList<>();

	private volatile int putStatus = 201;

	@BeforeEach
	void startScoring() throws IOException {
		this.scoring = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.scoring.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			int status;
			if (exchange.getRequestMethod().equals("PUT")) {
				this.puts
					.add(path + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				status = this.putStatus;
			}
			else {
				status = path.endsWith("/fl-01") ? 200 : 404;
			}
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		this.scoring.start();
	}

	@AfterEach
	void stopScoring() {
		this.scoring.stop(0);
	}

	@Test
	void putsTheMissingFreelancersAndLeavesOneAlreadyThere() {
		DemoRoster roster = new DemoRoster(new DemoClient(), "http://127.0.0.1:" + this.scoring.getAddress().getPort());

		assertThat(roster.ensure("dev-demo-key")).isTrue();

		assertThat(this.puts).hasSize(DemoRoster.MEMBERS.size() - 1)
			.noneMatch((put) -> put.startsWith("/api/v1/freelancers/fl-01 "))
			.anySatisfy((put) -> assertThat(put).startsWith("/api/v1/freelancers/fl-03 ")
				.contains("\"skills\":[\"Python\",\"LLM\"", "\"capacity\":20", "\"hourlyRate\":95"));
	}

	@Test
	void saysWhenAFreelancerCouldNotBePut() {
		this.putStatus = 503;
		DemoRoster roster = new DemoRoster(new DemoClient(), "http://127.0.0.1:" + this.scoring.getAddress().getPort());

		assertThat(roster.ensure("dev-demo-key")).isFalse();
	}

}
