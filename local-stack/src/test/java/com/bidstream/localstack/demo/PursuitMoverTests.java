package com.bidstream.localstack.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo advances only the pursuits of its own listings (their ids start with
 * {@code ~demo}, whichever run posted them): a listing a person posted by hand to try the
 * funnel stays where that person leaves it.
 */
class PursuitMoverTests {

	private HttpServer tracking;

	private final List<String> posted = new CopyOnWriteArrayList<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final DemoOutcomes outcomes = new DemoOutcomes();

	@BeforeEach
	void startTracking() throws IOException {
		this.tracking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.tracking.createContext("/", (exchange) -> {
			byte[] body;
			if (exchange.getRequestMethod().equals("POST")) {
				this.posted.add(exchange.getRequestURI().getRawPath());
				this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(201, body.length);
			}
			else if (exchange.getRequestURI().getPath().startsWith("/api/v1/scores/")) {
				// scoring: the demo's own listing is matched best to fl-04
				body = "{\"matches\": [{\"freelancerId\": \"fl-04\", \"fit\": 0.9}]}".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
			}
			else {
				String stage = exchange.getRequestURI().getQuery().replaceAll(".*stage=([A-Z]+).*", "$1");
				body = ("{\"pursuits\": [" + pursuit("upwork:~demo1", stage) + ", " + pursuit("upwork:~02byhand", stage)
						+ "]}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
			}
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.tracking.start();
	}

	@AfterEach
	void stopTracking() {
		this.tracking.stop(0);
	}

	private static String pursuit(String jobKey, String stage) {
		return "{\"jobKey\": \"" + jobKey + "\", \"stage\": \"" + stage
				+ "\", \"outcome\": null, \"decision\": \"REVIEW\", \"segment\": \"enterprise\", \"freelancerId\": \"fl-01\"}";
	}

	@Test
	void aJobTheFeedClosedWithoutAHireEndsLostNeverHired() {
		this.outcomes.closedWithoutAHire("~demo1");
		advanceUntilAnEventHolds("JOB_CLOSED");

		assertThat(this.bodies).as("a hire came up and was a loss instead")
			.anySatisfy(
					(body) -> assertThat(body).contains("\"LOST\"", "\"JOB_CLOSED\"").doesNotContain("contractValue"));
		assertThat(this.bodies).noneSatisfy((body) -> assertThat(body).contains("\"HIRED\""));
		assertThat(this.outcomes.wasHired("~demo1")).isFalse();
	}

	@Test
	void aHireIsRememberedSoTheFeedClosesTheJobAsHired() {
		advanceUntilAnEventHolds("\"HIRED\"");

		assertThat(this.bodies).anySatisfy((body) -> assertThat(body).contains("\"HIRED\""));
		assertThat(this.outcomes.wasHired("~demo1")).isTrue();
		assertThat(this.outcomes.wasHired("~02byhand")).isFalse();
	}

	/**
	 * Lets the demo advance its pursuits (at most 200 rounds) until an event it posted
	 * holds {@code text}.
	 */
	private void advanceUntilAnEventHolds(String text) {
		String stub = "http://127.0.0.1:" + this.tracking.getAddress().getPort();
		PursuitMover mover = new PursuitMover(new DemoClient(), stub, stub, new Random(7), new DemoStats(),
				this.outcomes);
		for (int round = 0; round < 200 && this.bodies.stream().noneMatch((body) -> body.contains(text)); round++) {
			mover.advance("dev-demo-key");
		}
	}

	@Test
	void advancesTheListingsItPostedAndNeverOnePostedByHand() {
		String stub = "http://127.0.0.1:" + this.tracking.getAddress().getPort();
		PursuitMover mover = new PursuitMover(new DemoClient(), stub, stub, new Random(7), new DemoStats(),
				this.outcomes);

		for (int round = 0; round < 200 && this.posted.size() < 20; round++) {
			mover.advance("dev-demo-key");
		}

		assertThat(this.posted).as("the demo's own listing moved").isNotEmpty();
		assertThat(this.posted).allSatisfy((path) -> assertThat(path).contains("demo1").doesNotContain("byhand"));
		assertThat(this.bodies).filteredOn((body) -> body.contains("\"CLAIM\""))
			.as("a claim goes to the freelancer scoring matched best")
			.isNotEmpty()
			.allSatisfy((claim) -> assertThat(claim).contains("\"freelancerId\":\"fl-04\""));
	}

}
