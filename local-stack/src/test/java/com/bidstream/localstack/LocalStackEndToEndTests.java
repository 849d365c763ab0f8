package com.bidstream.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.contracts.EventCodec;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.services.HealthProbe;
import com.bidstream.localstack.services.Service;
import com.bidstream.testsupport.BidstreamApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as a user runs it: the launcher starts Kafka, PostgreSQL and the four
 * services' executable jars (the same code path as {@code ./bidstream up}, on free ports
 * and a temporary data directory), the test talks only to the public HTTP APIs, and the
 * funnel report must show exactly what it was told; then everything stops, nothing is
 * left running, and a restart on the same data shows the same report.
 */
class LocalStackEndToEndTests {

	private static final Duration PIPELINE = Duration.ofSeconds(90);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String hired = "ent-hired-" + this.run;

	private final String lost = "ent-lost-" + this.run;

	@Test
	void funnelShowsExactlyWhatTheApisWereToldAndSurvivesARestart(@TempDir Path data) {
		StackOptions options = TestStacks.in(data);
		assertThat(Files.isDirectory(TestStacks.HOME.resolve("local-stack/target/lib"))).as("runtime libraries copied")
			.isTrue();

		Map<String, Map<String, Object>> funnel = runStack(options, this::postListingsAndDriveTheFunnel);

		Map<String, Map<String, Object>> afterRestart = runStack(options, (stack) -> {
			assertEveryServiceSharesTheClassDataAnEarlierStartRecorded(stack);
			await().atMost(PIPELINE).untilAsserted(() -> assertThat(funnelBySegment(stack)).isEqualTo(funnel));
			return funnelBySegment(stack);
		});
		assertThat(afterRestart).isEqualTo(funnel);
	}

	private Map<String, Map<String, Object>> postListingsAndDriveTheFunnel(LocalStack stack) {
		assertThat(setting(stack, "fsync")).as("a 202 must survive a crash of the machine").isEqualTo("on");
		assertThat(setting(stack, "synchronous_commit")).isEqualTo("on");
		assertThat(setting(stack, "idle_in_transaction_session_timeout")).isEqualTo("10min");
		killScoringAndSeeItRestarted(stack);
		BidstreamApi ingest = BidstreamApi.at(stack.url(Service.INGEST), "dev-demo-key");
		String listings = EventCodec.toJson(
				List.of(EndToEndListings.enterprise(this.hired, "Spring Boot engineer for a Kafka pipeline", 8000),
						EndToEndListings.enterprise(this.lost, "Kafka Streams consultant for a fintech platform",
								12000),
						EndToEndListings.established("established-" + this.run),
						EndToEndListings.newClient("new-" + this.run)));

		BidstreamApi.Response accepted = ingest.post("/api/v1/listings", listings);

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().path("accepted").asInt()).isEqualTo(4);
		BidstreamApi tracking = BidstreamApi.at(stack.url(Service.TRACKING), "dev-demo-key");
		BidstreamApi scoring = BidstreamApi.at(stack.url(Service.SCORING), "dev-demo-key");
		for (String id : List.of(this.hired, this.lost, "established-" + this.run, "new-" + this.run)) {
			await().atMost(PIPELINE)
				.untilAsserted(() -> assertThat(tracking.get("/api/v1/pursuits/e2e:" + id).status()).isEqualTo(200));
		}
		assertThat(scoring.get("/api/v1/scores/e2e:" + this.hired).json().path("segment").asString())
			.isEqualTo("enterprise");

		advance(tracking, this.hired, event("CLAIM", "\"freelancerId\": \"fl-e2e-1\""),
				event("PROPOSAL_SENT", "\"freelancerId\": \"fl-e2e-1\", \"connectsSpent\": 16, \"bidAmount\": 7600"),
				event("REPLIED", ""), event("HIRED", "\"contractValue\": 8000"));
		advance(tracking, this.lost, event("CLAIM", "\"freelancerId\": \"fl-e2e-2\""),
				event("PROPOSAL_SENT", "\"freelancerId\": \"fl-e2e-2\", \"connectsSpent\": 12, \"bidAmount\": 11000"),
				event("LOST", "\"reason\": \"PRICE\""));

		await().atMost(PIPELINE).untilAsserted(() -> {
			Map<String, Map<String, Object>> rows = funnelBySegment(stack);
			assertThat(rows).containsOnlyKeys("enterprise", "established", "new");
			assertThat(rows.get("enterprise")).isEqualTo(row(2, 2, 2, 1, 1, 1, 1, 1, 28, 8000));
			assertThat(rows.get("established")).containsAllEntriesOf(row(1, null, 0, 0, 0, 0, 0, 0, 0, 0));
			assertThat(rows.get("new")).containsAllEntriesOf(row(1, null, 0, 0, 0, 0, 0, 0, 0, 0));
			assertThat((int) rows.get("established").get("queued")).isBetween(0, 1);
			assertThat((int) rows.get("new").get("queued")).isBetween(0, 1);
		});
		// the dashboard in Chromium; waits until the funnel counted its proposal
		new QueueInBrowser(stack, this.run).claimProposeAndSeeTheConflict();
		seeAFrozenServiceDownInTheHealthReport(stack);
		return funnelBySegment(stack);
	}

	/**
	 * The health report asks each service for its own health on this stack's ports: all
	 * answer; scoring frozen ({@code SIGSTOP}, so the launcher does not restart it) reads
	 * DOWN in the report within two samples, and OK again once it runs.
	 */
	private static void seeAFrozenServiceDownInTheHealthReport(LocalStack stack) {
		BidstreamApi reporting = BidstreamApi.at(stack.url(Service.REPORTING), "dev-operator-key");
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(stageReason(reporting, "scoring")).doesNotContain("the scoring service"));
		long pid = scoring(stack).pid();
		signal("STOP", pid);
		try {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(stageReason(reporting, "scoring"))
					.isEqualTo("DOWN: the scoring service did not answer its health check within 2 s"));
		}
		finally {
			signal("CONT", pid);
		}
		await().atMost(PIPELINE)
			.untilAsserted(() -> assertThat(stageReason(reporting, "scoring")).doesNotContain("the scoring service"));
	}

	private static String stageReason(BidstreamApi reporting, String name) {
		for (var stage : reporting.get("/api/v1/reports/health").json().path("stages")) {
			if (stage.path("name").asString().equals(name)) {
				return stage.path("status").asString() + ": " + stage.path("reason").asString();
			}
		}
		throw new AssertionError("no stage " + name);
	}

	private static void signal(String signal, long pid) {
		try {
			assertThat(new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor())
				.as("kill -" + signal)
				.isZero();
		}
		catch (java.io.IOException | InterruptedException ex) {
			throw new IllegalStateException("kill -" + signal + " " + pid, ex);
		}
	}

	/**
	 * A service killed with {@code kill -9} under the launcher comes back by itself (the
	 * listings posted next are scored by the new process).
	 */
	private static void killScoringAndSeeItRestarted(LocalStack stack) {
		ChildProcess killed = scoring(stack);

		killed.handle().destroyForcibly();

		await().atMost(PIPELINE).untilAsserted(() -> {
			assertThat(scoring(stack).pid()).isNotEqualTo(killed.pid());
			assertThat(HealthProbe.isUp(stack.url(Service.SCORING))).isTrue();
		});
		assertThat(killed.isAlive()).isFalse();
	}

	/**
	 * The first stop of a build writes each service's class data archive (unless an
	 * earlier test's stack did); every later start maps it (services.ClassDataCache).
	 */
	private static void assertEveryServiceSharesTheClassDataAnEarlierStartRecorded(LocalStack stack) {
		List<ChildProcess> services = stack.children()
			.stream()
			.filter((child) -> Service.ids().contains(child.name()))
			.toList();
		assertThat(services).hasSize(4).allSatisfy((service) -> {
			assertThat(service.handle().info().arguments().map(List::of).orElseThrow())
				.as(service.name() + "'s JVM options")
				.anySatisfy((argument) -> assertThat(argument).startsWith("-XX:SharedArchiveFile=")
					.endsWith("/classes.jsa"));
			assertThat(service.linesOfLatestRun()).as(service.name() + "'s log")
				.noneSatisfy((line) -> assertThat(line).contains("Unable to use shared archive"));
		});
	}

	private static String setting(LocalStack stack, String name) {
		try (Connection connection = DriverManager
			.getConnection("jdbc:postgresql://localhost:" + stack.postgresPort() + "/postgres", "postgres", "postgres");
				ResultSet result = connection.createStatement().executeQuery("show " + name)) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read " + name + " from the stack's PostgreSQL", ex);
		}
	}

	private static ChildProcess scoring(LocalStack stack) {
		return stack.children().stream().filter((child) -> child.name().equals("scoring")).findFirst().orElseThrow();
	}

	private static void advance(BidstreamApi tracking, String id, String... events) {
		for (String event : events) {
			BidstreamApi.Response response = tracking.post("/api/v1/pursuits/e2e:" + id + "/events", event);
			assertThat(response.status()).as(event + " -> " + response).isEqualTo(201);
		}
	}

	private static String event(String type, String fields) {
		return "{\"eventId\": \"" + UUID.randomUUID() + "\", \"type\": \"" + type + "\""
				+ (fields.isEmpty() ? "" : ", " + fields) + "}";
	}

	/**
	 * The counts of a funnel row; {@code queued} left out when null (it depends on the
	 * model).
	 */
	private static Map<String, Object> row(int scored, Integer queued, int proposed, int viewed, int replied,
			int interviewed, int hired, int lost, int connectsSpent, int revenue) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("scored", scored);
		if (queued != null) {
			row.put("queued", queued);
		}
		row.put("proposed", proposed);
		row.put("viewed", viewed);
		row.put("replied", replied);
		row.put("interviewed", interviewed);
		row.put("hired", hired);
		row.put("lost", lost);
		row.put("withdrawn", 0);
		row.put("connectsSpent", connectsSpent);
		row.put("revenue", revenue);
		return row;
	}

	private static Map<String, Map<String, Object>> funnelBySegment(LocalStack stack) {
		BidstreamApi.Response response = BidstreamApi.at(stack.url(Service.REPORTING), "dev-demo-key")
			.get("/api/v1/reports/funnel?groupBy=segment");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
		for (JsonNode node : response.json().path("rows")) {
			Map<String, Object> counts = new LinkedHashMap<>();
			for (String name : List.of("scored", "queued", "proposed", "viewed", "replied", "interviewed", "hired",
					"lost", "withdrawn", "connectsSpent")) {
				counts.put(name, node.path(name).asInt(-1));
			}
			counts.put("revenue", (int) Math.round(node.path("revenue").asDouble(-1)));
			rows.put(node.path("group").asString(), counts);
		}
		return rows;
	}

	private interface StackUse<T> {

		T apply(LocalStack stack);

	}

	/**
	 * Starts the stack, uses it, stops it, and checks that no process it started is left.
	 */
	private static <T> T runStack(StackOptions options, StackUse<T> use) {
		LocalStack stack = LocalStack.create(options, new Console(System.out)).start();
		try {
			return use.apply(stack);
		}
		finally {
			List<ChildProcess> children = stack.children();
			stack.close();
			assertThat(children).extracting(ChildProcess::name)
				.containsExactly("postgres", "kafka", "ingest", "scoring", "tracking", "reporting");
			assertThat(children).allSatisfy(
					(child) -> assertThat(child.handle().isAlive()).as(child.name() + " still running").isFalse());
			assertThat(options.servicePorts().values()).allSatisfy((port) -> assertThat(Ports.isFree(port)).isTrue());
			assertThat(Ports.isFree(options.kafkaPort())).isTrue();
		}
	}

}
