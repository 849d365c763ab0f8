package com.bidstream.localstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Topics;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.services.HealthProbe;
import com.bidstream.localstack.services.Service;
import com.bidstream.testsupport.BidstreamApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost and nothing is counted twice when the broker, the database
 * or a consumer dies. On the stack as {@code ./bidstream up} runs it, two clients post
 * batches of new listings while these are killed with {@code kill -9}, one after the
 * other, each once the clients have had {@value #BETWEEN_KILLS} more listings
 * acknowledged: Kafka's broker, PostgreSQL's server (the postmaster), PostgreSQL's JVM
 * (whose server keeps running: the launcher stops it and starts another), and
 * reporting-service. The launcher starts each again, and the clients send again what got
 * no 202 ({@link RetryingClients}). Then every listing that got a 202 has its pursuit in
 * tracking; once reporting has read everything (its group's lag is 0), the funnel report
 * counts each of them once as scored and each queued one once as queued, and still does
 * over a window after. The services' logs hold none of the Kafka clients' reconnect lines
 * and none of the datasource check's stack traces (the platform's defaults keep them
 * out).
 */
class OutagesEndToEndTests {

	private static final String KEY = "dev-acme-key";

	private static final int CLIENTS = 2;

	/**
	 * Each client's wait after a 202: about 250 listings/s in all, so that the kills land
	 * on a pipeline at work without a backlog that takes minutes to drain.
	 */
	private static final Duration PAUSE = Duration.ofMillis(800);

	/**
	 * Listings acknowledged before each kill, and after the last.
	 */
	private static final int BETWEEN_KILLS = 500;

	private static final Duration OUTAGE = Duration.ofMinutes(3);

	private static final List<String> REPORTING_TOPICS = List.of(Topics.LISTINGS_INGESTED, Topics.LISTINGS_SCORED,
			Topics.PURSUITS_EVENTS);

	private final String source = "outage-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void everyAcknowledgedListingIsTrackedAndCountedOnceThroughKillsOfTheBrokerTheDatabaseAndAConsumer(
			@TempDir Path data) throws Exception {
		StackOptions options = TestStacks.in(data);
		LocalStack stack = LocalStack.create(options, new Console(System.out)).start();
		try (RetryingClients clients = RetryingClients.paced(stack.url(Service.INGEST), KEY, this.source, CLIENTS,
				OUTAGE, PAUSE)) {
			List<String> restarts = new ArrayList<>();

			restarts.add(killAndAwaitRestart(stack, clients, "kafka", () -> child(stack, "kafka").handle()));
			restarts.add(killAndAwaitRestart(stack, clients, "postgres", () -> stack.postgresServer().orElseThrow()));
			restarts.add(killAndAwaitRestart(stack, clients, "postgres", () -> child(stack, "postgres").handle()));
			restarts.add(killAndAwaitRestart(stack, clients, "reporting", () -> child(stack, "reporting").handle()));
			awaitMoreAcknowledged(clients);
			clients.stop();

			int acknowledged = clients.acknowledged().size();
			assertThat(clients.posted()).as("every batch sent got its 202").hasSize(acknowledged);
			Map<String, String> stages = await().atMost(OUTAGE)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> stages(stack, clients), (found) -> found.size() == acknowledged);
			long queued = stages.values().stream().filter("QUEUED"::equals).count();
			assertThat(stages.values()).as("no pursuit moved past the stage scoring put it in")
				.allSatisfy((stage) -> assertThat(stage).isIn("NEW", "QUEUED"));
			Map<String, Integer> expected = Map.of("scored", acknowledged, "queued", (int) queued);

			await().atMost(OUTAGE)
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(funnel(stack)).isEqualTo(expected));
			await().atMost(OUTAGE)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> reportingLag(options), (lag) -> lag == 0);
			await().during(Duration.ofSeconds(10))
				.atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(funnel(stack)).as("counted once, and stays so").isEqualTo(expected));
			for (Service service : Service.values()) {
				Path log = stack.dataRoot().resolve("logs/" + service.id() + ".log");
				assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
					.as("%s's log: the Kafka clients' reconnect lines and the datasource check's stack traces "
							+ "are kept out", service)
					.noneMatch((line) -> line.contains("org.apache.kafka.clients.NetworkClient")
							|| line.contains("DataSourceHealthIndicator"));
			}
			System.out.printf(
					"outages test: %,d listings acknowledged (%,d queued); %s; %,d requests cut or refused, "
							+ "%,d listings of theirs had committed before the cut%n",
					acknowledged, queued, String.join(", ", restarts), clients.connectionErrors(),
					clients.committedBeforeTheCut());
		}
		catch (Throwable failure) {
			StackLogs.printErrors(stack, System.out);
			throw failure;
		}
		finally {
			stack.close();
		}
	}

	/**
	 * What reporting's group has still to read of its three topics.
	 */
	private static long reportingLag(StackOptions options) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + options.kafkaPort()))) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("reporting")
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
			for (var topic : admin.describeTopics(REPORTING_TOPICS)
				.allTopicNames()
				.get(10, TimeUnit.SECONDS)
				.values()) {
				topic.partitions()
					.forEach((p) -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest()));
			}
			long lag = 0;
			for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
				OffsetAndMetadata read = committed.get(end.getKey());
				lag += end.getValue().offset() - ((read != null) ? read.offset() : 0);
			}
			return lag;
		}
	}

	private interface Victim {

		ProcessHandle find();

	}

	/**
	 * Once the clients have had {@value #BETWEEN_KILLS} more listings acknowledged, kills
	 * the process with {@code kill -9} and waits until the launcher has started the child
	 * again and every service reads UP (so their database and broker answer again).
	 * @return how long that took, in words
	 */
	private static String killAndAwaitRestart(LocalStack stack, RetryingClients clients, String name, Victim victim) {
		awaitMoreAcknowledged(clients);
		ChildProcess before = child(stack, name);
		ProcessHandle killed = victim.find();

		killed.destroyForcibly();
		long killedAt = System.nanoTime();

		await().atMost(OUTAGE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			assertThat(child(stack, name).pid()).as(name + " started again").isNotEqualTo(before.pid());
			for (Service service : Service.values()) {
				assertThat(HealthProbe.isUp(stack.url(service))).as(service + " UP").isTrue();
			}
		});
		assertThat(killed.isAlive()).isFalse();
		return String.format("%s back and every service UP %.1f s after kill -9", name,
				(System.nanoTime() - killedAt) / 1e9);
	}

	private static void awaitMoreAcknowledged(RetryingClients clients) {
		int before = clients.acknowledged().size();
		await().atMost(OUTAGE).until(() -> {
			clients.rethrowFailure();
			return clients.acknowledged().size() >= before + BETWEEN_KILLS;
		});
	}

	private static ChildProcess child(LocalStack stack, String name) {
		return stack.children().stream().filter((child) -> child.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * The stage of each acknowledged listing's pursuit in tracking (those that exist),
	 * looked up 1,000 at a time.
	 */
	private static Map<String, String> stages(LocalStack stack, RetryingClients clients) {
		BidstreamApi tracking = BidstreamApi.at(stack.url(Service.TRACKING), KEY);
		List<String> jobKeys = List.copyOf(clients.acknowledged());
		Map<String, String> stages = new HashMap<>();
		for (int from = 0; from < jobKeys.size(); from += 1_000) {
			ArrayNode keys = EventCodec.mapper().createArrayNode();
			jobKeys.subList(from, Math.min(from + 1_000, jobKeys.size())).forEach(keys::add);
			BidstreamApi.Response found = tracking.post("/api/v1/pursuits/lookup",
					EventCodec.mapper().createObjectNode().set("jobKeys", keys).toString());
			assertThat(found.status()).as(found.toString()).isEqualTo(200);
			for (JsonNode pursuit : found.json().path("pursuits")) {
				stages.put(pursuit.path("jobKey").asString(), pursuit.path("stage").asString());
			}
		}
		return stages;
	}

	/**
	 * What the funnel report counts of this test's source: scored and queued.
	 */
	private Map<String, Integer> funnel(LocalStack stack) {
		BidstreamApi.Response report = BidstreamApi.at(stack.url(Service.REPORTING), KEY)
			.get("/api/v1/reports/funnel?groupBy=source");
		assertThat(report.status()).as(report.toString()).isEqualTo(200);
		for (JsonNode row : report.json().path("rows")) {
			if (row.path("group").asString().equals(this.source)) {
				return Map.of("scored", row.path("scored").asInt(), "queued", row.path("queued").asInt());
			}
		}
		return Map.of();
	}

}
