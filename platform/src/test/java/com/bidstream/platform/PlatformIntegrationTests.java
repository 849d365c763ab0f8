package com.bidstream.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.InboxPruner;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.platform.testapp.PlatformTestApplication;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.EmbeddedInfrastructure;
import com.bidstream.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "bidstream.web.larger-bodies.[/api/probe/large]=3MB")
@DirtiesContext
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class PlatformIntegrationTests {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.get().properties("platform").forEach((name, value) -> registry.add(name, () -> value));
	}

	@LocalServerPort
	int port;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	InboxPruner inboxPruner;

	final TopicReader kafka = new TopicReader(EmbeddedInfrastructure.get().kafkaBootstrapServers());

	static PursuitAdvanced event(UUID id, String agency) {
		return new PursuitAdvanced(id, Instant.now(), agency, "upwork:~" + id, PursuitAdvanced.SCHEMA_VERSION,
				Action.CLAIM, Stage.CLAIMED, null, "fl-1", null, null, null, null, Instant.now());
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	@Test
	void anEventAppendedInACommittedTransactionIsPublishedAndAppliedOnceEvenWhenDeliveredTwice() {
		UUID id = UUID.randomUUID();

		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(Topics.PURSUITS_EVENTS, event(id, "demo")));
		this.kafka.send(Topics.PURSUITS_EVENTS, "demo|again", EventCodec.toBytes(event(id, "demo")));

		var published = this.kafka.awaitRecords(Topics.PURSUITS_EVENTS,
				(m) -> id.toString().equals(m.headers().get("eventId")), Duration.ofSeconds(30));
		assertThat(published).singleElement().satisfies((m) -> {
			assertThat(m.key()).isEqualTo("demo|upwork:~" + id);
			assertThat(m.headers()).containsEntry("type", "PursuitAdvanced");
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> applied(id) == 1);
		UUID later = UUID.randomUUID();
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(Topics.PURSUITS_EVENTS, event(later, "demo")));
		await().atMost(Duration.ofSeconds(30)).until(() -> applied(later) == 1);
		assertThat(applied(id)).as("the redelivered copy was skipped").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from outbox", Long.class)).isZero();
	}

	@Test
	void anEventTheBrokerRefusesForGoodIsSetAsideAndTheEventsBehindItArePublished() {
		UUID tooLarge = UUID.randomUUID();
		UUID next = UUID.randomUUID();
		PursuitAdvanced huge = new PursuitAdvanced(tooLarge, Instant.now(), "demo", "upwork:~" + tooLarge,
				PursuitAdvanced.SCHEMA_VERSION, Action.CLAIM, Stage.CLAIMED, null, "f".repeat(2_000_000), null, null,
				null, null, Instant.now());

		this.transactions.executeWithoutResult((status) -> this.outbox.append(Topics.PURSUITS_EVENTS, huge));
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(Topics.PURSUITS_EVENTS, event(next, "demo")));

		await().atMost(Duration.ofSeconds(30)).until(() -> applied(next) == 1);
		assertThat(
				this.jdbc.queryForObject("select reason from outbox_dead where event_id = ?", String.class, tooLarge))
			.contains("RecordTooLargeException");
		assertThat(this.jdbc.queryForObject("select count(*) from outbox where event_id = ?", Long.class, tooLarge))
			.isZero();
	}

	@Test
	void theInboxForgetsOnlyEventsOlderThanItsRetention() {
		UUID old = UUID.randomUUID();
		UUID recent = UUID.randomUUID();
		this.jdbc.update(
				"insert into inbox (consumer, event_id, received_at) values ('test', ?, now() - interval '15 days')",
				old);
		this.jdbc.update("insert into inbox (consumer, event_id) values ('test', ?)", recent);

		assertThat(this.inboxPruner.prune()).isGreaterThanOrEqualTo(1);

		assertThat(
				this.jdbc.queryForList("select event_id from inbox where event_id in (?, ?)", UUID.class, old, recent))
			.containsExactly(recent);
	}

	@Test
	void healthShowsTheOutboxRelayAndItsBacklogAndMetricsTheOldestPendingAge() {
		var health = api(null).get("/actuator/health");
		// the pending count is the backlog's sample, taken as the scheduler starts
		var outbox = await().atMost(Duration.ofSeconds(10))
			.until(() -> api(null).get("/actuator/health/outbox"),
					(answer) -> answer.json().at("/components/outboxRelay/details").has("pending"));
		var prometheus = api(null).get("/actuator/prometheus");

		assertThat(health.json().at("/components/outboxRelay/status").asString()).isEqualTo("UP");
		assertThat(outbox.json().at("/components/outboxRelay/details").has("oldestAgeSeconds")).isTrue();
		assertThat(outbox.json().at("/components/outboxRelay/details").has("lastPass")).isTrue();
		assertThat(prometheus.body()).contains("bidstream_outbox_oldest_age_seconds", "bidstream_outbox_pending");
	}

	@Test
	void theBindersOwnLagGaugeIsOffSoNoConsumerWithoutPartitionsReadsOffsets() {
		// that gauge read end offsets every minute with a consumer holding no partition,
		// and
		// Kafka 4.2 logged a WARN per partition each time; reporting reads lag itself
		UUID id = UUID.randomUUID();
		this.transactions
			.executeWithoutResult((status) -> this.outbox.append(Topics.PURSUITS_EVENTS, event(id, "demo")));
		await().atMost(Duration.ofSeconds(30)).until(() -> applied(id) == 1);
		assertThat(api(null).get("/actuator/prometheus").body()).contains("bidstream_events_consumed");
		assertThat(api(null).get("/actuator/prometheus").body())
			.doesNotContain("spring_cloud_stream_binder_kafka_offset");
	}

	@Test
	void aRequestTomcatRefusesBeforeAnyServletAnswersProblemJson() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (String path : List.of("/api/probe/%00", "/api/probe/a%2Fb", "/%00")) {
			var response = http
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
					.header("X-Api-Key", "dev-demo-key")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
			assertThat(response.body()).as(path)
				.contains("\"type\":\"https://bidstream.dev/problems/bad-request\"", "\"status\":400")
				.doesNotContain("<html");
		}
		assertThat(api("dev-demo-key").get("/api/probe/no-such-path").status()).isEqualTo(404);
		var tooLong = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/probe/" + "k".repeat(20_000)))
			.header("X-Api-Key", "dev-demo-key")
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).as("a walkthrough's 20,000-character job key was said to hold a NUL or a slash")
			.contains("larger than")
			.doesNotContain("NUL");
	}

	@Test
	void aJsonOrFormBodyOverTheBoundIsRefusedWith413BeforeItIsParsedWithOrWithoutALength() throws Exception {
		String big = "[" + "1,".repeat(600_000) + "1]";
		var withLength = post("/api/probe/json", "application/json", big, true);
		// a publisher of unknown length makes the client send the body chunked
		var chunked = post("/api/probe/json", "application/json", big, false);
		// bound to a Map, the converter wraps what the body's end threw
		var chunkedToAMap = post("/api/probe/map", "application/json", "{\"a\": \"" + "x".repeat(1_200_000) + "\"}",
				false);
		// Spring reads a form sent by PUT whole, before any controller
		var form = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/probe/json"))
			.header("X-Api-Key", "dev-demo-key")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("a=" + "x".repeat(1_200_000)))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

		for (var response : List.of(withLength, chunked, chunkedToAMap, form)) {
			assertThat(response.statusCode()).as(response.toString()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.body()).contains("payload-too-large", "at most 1 MiB");
		}
		assertThat(api("dev-demo-key").post("/api/probe/json", "[" + "1,".repeat(1_000) + "1]").body())
			.isEqualTo("1001");
		var larger = post("/api/probe/large", "application/json", big, true);
		assertThat(larger.statusCode()).as("a path given a larger bound").isEqualTo(200);
		assertThat(larger.body()).isEqualTo("600001");
		assertThat(post("/api/probe/large", "application/json", "[" + "1,".repeat(1_600_000) + "1]", false).body())
			.contains("at most 3 MiB");
		// a path named in larger-bodies is bounded whatever its body's type
		String text = "x".repeat(3 * 1024 * 1024 + 1);
		for (boolean withContentLength : new boolean[] { true, false }) {
			var named = post("/api/probe/large-raw", "text/plain", text, withContentLength);
			assertThat(named.statusCode()).as("named path, length sent: %s", withContentLength).isEqualTo(413);
			assertThat(named.body()).contains("at most 3 MiB");
		}
		assertThat(post("/api/probe/large-raw", "text/plain", "x".repeat(3 * 1024 * 1024), false).body())
			.isEqualTo(String.valueOf(3 * 1024 * 1024));
		// the path as Spring routes it: ';' parameters and encoded letters reach the same
		// handler (a walkthrough sent 600 MB past the bound this way and tracking ran out
		// of
		// memory)
		for (String disguised : List.of("/api/probe;x=1/large-raw", "/api;a/probe/large-raw",
				"/api/probe/l%61rge-raw")) {
			var named = post(disguised, "text/plain", text, false);
			assertThat(named.statusCode()).as(disguised).isEqualTo(413);
		}
		assertThat(post("/api/probe/raw", "text/plain", text, false).body()).as("a type not bounded elsewhere")
			.isEqualTo(String.valueOf(text.length()));
	}

	@Test
	void aParameterTakenOnceButGivenTwiceIsRefusedNamingIt() {
		var twice = api("dev-operator-key").get("/api/probe/read?agency=a&agency=b");

		assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
		assertThat(twice.json().at("/errors/0/field").asString()).isEqualTo("agency");
		assertThat(twice.json().at("/errors/0/message").asString()).isEqualTo("is given twice; give it once");
		assertThat(api("dev-operator-key").get("/api/probe/read?agency=a").body()).isEqualTo("a");
	}

	@Test
	void aBodyInAnotherDataFormatThanJsonIsRefusedWith415NamingJson() throws Exception {
		// a YAML body read into a tree answered 500, and one read into a record or a map
		// took a field named twice
		for (String path : List.of("/api/probe/json", "/api/probe/map")) {
			var yaml = post(path, "application/yaml", "name: A\nname: B\n", true);
			assertThat(yaml.statusCode()).as(path).isEqualTo(415);
			assertThat(yaml.body()).as(path).contains("is not read here; send application/json\"");
		}
		assertThat(post("/api/probe/map", "application/json", "{\"name\": \"A\", \"name\": \"B\"}", true).statusCode())
			.as("the same body as JSON")
			.isEqualTo(400);
	}

	final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

	java.net.http.HttpResponse<String> post(String path, String contentType, String body, boolean withLength)
			throws Exception {
		byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		return this.http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
				.header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", contentType)
				.POST(withLength ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)
						: java.net.http.HttpRequest.BodyPublishers
							.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void theOpenApiDocumentShowsTheKeyHeaderAndNotTheCallerAsParameters() {
		var docs = api(null).get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().at("/components/securitySchemes/apiKey/name").asString()).isEqualTo("X-Api-Key");
		assertThat(docs.body()).contains("/api/probe/read").doesNotContain("actingAgencyId");
	}

	@Test
	void anEventOfARolledBackTransactionIsNeverPublished() {
		UUID id = UUID.randomUUID();

		this.transactions.executeWithoutResult((status) -> {
			this.outbox.append(Topics.PURSUITS_EVENTS, event(id, "demo"));
			status.setRollbackOnly();
		});

		assertThat(this.jdbc.queryForObject("select count(*) from outbox where event_id = ?", Long.class, id)).isZero();
	}

	@Test
	void aDatabaseCutMidTransactionAndDownLongerThanEveryAttemptDeadLettersNothingAndLosesNothing() throws Exception {
		UUID id = UUID.randomUUID();
		String deadLetters = Topics.deadLetter(Topics.PURSUITS_EVENTS, "platform-test");
		String admin = EmbeddedInfrastructure.get().database("postgres").url();
		int before = PlatformTestApplication.SLOW_CALLS.get();
		this.kafka.send(Topics.PURSUITS_EVENTS, "slow|k", EventCodec.toBytes(event(id, "slow")));
		await().atMost(Duration.ofSeconds(60)).until(() -> PlatformTestApplication.SLOW_CALLS.get() > before);
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(admin, "postgres", "postgres");
				java.sql.Statement sql = connection.createStatement()) {
			// the transaction holding the event loses its connection, and no new one
			// opens:
			// its rollback fails too, which hides what the work threw
			sql.execute("alter database platform with allow_connections false");
			sql.execute("select pg_terminate_backend(pid) from pg_stat_activity "
					+ "where datname = 'platform' and pid <> pg_backend_pid()");
			PlatformTestApplication.SLOW_HOLD.countDown();
			try {
				// three attempts, each waiting 10 s for a connection, end within 25 s
				await().during(Duration.ofSeconds(30))
					.atMost(Duration.ofSeconds(40))
					.until(() -> this.kafka.readAll(deadLetters)
						.stream()
						.noneMatch((m) -> m.value().contains(id.toString())));
			}
			finally {
				sql.execute("alter database platform with allow_connections true");
			}
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> applied(id) == 1);
		assertThat(this.kafka.readAll(deadLetters)).noneMatch((m) -> m.value().contains(id.toString()));
	}

	@Test
	void unreadableAndFailingMessagesGoToTheDeadLetterTopicAndTheGoodOnesBesideThemAreApplied(
			org.springframework.boot.test.system.CapturedOutput output) {
		UUID good = UUID.randomUUID();
		UUID poison = UUID.randomUUID();
		String deadLetters = Topics.deadLetter(Topics.PURSUITS_EVENTS, "platform-test");

		this.kafka.send(Topics.PURSUITS_EVENTS, "x|garbage", "{not json " + good);
		this.kafka.send(Topics.PURSUITS_EVENTS, "poison|k", EventCodec.toBytes(event(poison, "poison")));
		this.kafka.send(Topics.PURSUITS_EVENTS, "demo|k", EventCodec.toBytes(event(good, "demo")));

		await().atMost(Duration.ofSeconds(60)).until(() -> applied(good) == 1);
		var garbage = this.kafka.awaitRecords(deadLetters, (m) -> m.value().contains(good.toString()),
				Duration.ofSeconds(60));
		assertThat(garbage).singleElement().satisfies((m) -> {
			assertThat(m.headers()).containsEntry("x-original-topic", Topics.PURSUITS_EVENTS)
				.containsKeys("x-original-partition", "x-original-offset");
			assertThat(m.headers().get("x-exception-message")).contains("not a valid PursuitAdvanced");
		});
		var failing = this.kafka.awaitRecords(deadLetters, (m) -> m.value().contains(poison.toString()),
				Duration.ofSeconds(60));
		assertThat(failing).singleElement()
			.satisfies((m) -> assertThat(m.headers().get("x-exception-message")).contains("agency poison"));
		assertThat(applied(poison)).isZero();
		// a line per try, no ERROR with a stack trace for each rewind (a walkthrough
		// found
		// 140-line traces in the logs)
		assertThat(output.getOut()).contains("Try 1 of " + Topics.PURSUITS_EVENTS)
			.doesNotContain("Error handler threw an exception", "Seek to current after exception");
	}

	/**
	 * The binder's own dead-letter sender logged a failed publish and committed the
	 * offset: the event was gone. Here the partition waits until its dead letter is
	 * written.
	 */
	@Test
	void aDeadLetterThatCannotBeWrittenHoldsItsPartitionUntilItIsWritten() throws Exception {
		String deadLetters = Topics.deadLetter(Topics.PURSUITS_EVENTS, "platform-test");
		UUID good = UUID.randomUUID();
		String key = "stuck|" + good;
		ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, deadLetters);
		try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				EmbeddedInfrastructure.get().kafkaBootstrapServers()))) {
			alter(admin, topic,
					new AlterConfigOp(new ConfigEntry("max.message.bytes", "16"), AlterConfigOp.OpType.SET));
			try {
				this.kafka.send(Topics.PURSUITS_EVENTS, key, "{not json, stuck " + good);
				this.kafka.send(Topics.PURSUITS_EVENTS, key, EventCodec.toBytes(event(good, "demo")));

				await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> applied(good) == 0);
			}
			finally {
				alter(admin, topic,
						new AlterConfigOp(new ConfigEntry("max.message.bytes", ""), AlterConfigOp.OpType.DELETE));
			}
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> applied(good) == 1);
		assertThat(this.kafka.awaitRecords(deadLetters, (m) -> m.value().contains("stuck " + good),
				Duration.ofSeconds(60)))
			.singleElement()
			.satisfies((m) -> assertThat(m.headers()).containsEntry("x-original-topic", Topics.PURSUITS_EVENTS));
	}

	private static void alter(Admin admin, ConfigResource topic, AlterConfigOp op) throws Exception {
		admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
	}

	@Test
	void callsWithoutAValidKeyAreRejectedWithProblemJson() {
		var missing = api(null).get("/api/probe/read");
		var unknown = api("not-a-key").get("/api/probe/read");

		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("type").asString()).isEqualTo("https://bidstream.dev/problems/unauthorized");
		assertThat(unknown.status()).isEqualTo(401);
	}

	@Test
	void everyApiAnswerIsKeptByNoCacheAndReadOnlyAsItsTypeErrorsToo() throws Exception {
		var http = java.net.http.HttpClient.newHttpClient();
		for (String key : new String[] { "dev-demo-key", "not-a-key" }) {
			var response = http.send(java.net.http.HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/probe/read"))
				.header("X-Api-Key", key)
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());

			assertThat(response.statusCode()).isIn(200, 401);
			assertThat(response.headers().firstValue("Cache-Control")).as(key).contains("no-store");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).as(key).contains("nosniff");
		}
	}

	@Test
	void aMemberActsForItsOwnAgencyAndAnOperatorOnlyForTheAgencyItNames() {
		assertThat(api("dev-demo-key").post("/api/probe/write", "{}").body()).isEqualTo("demo");
		assertThat(api("dev-acme-key").get("/api/probe/read?agency=demo").body()).isEqualTo("acme");
		assertThat(api("dev-operator-key").get("/api/probe/read").body()).isEqualTo("*");
		assertThat(api("dev-operator-key").get("/api/probe/read?agency=acme").body()).isEqualTo("acme");
		assertThat(api("dev-operator-key").withHeader("X-Agency-Id", "acme").get("/api/probe/read").body())
			.as("X-Agency-Id names the agency an operator writes for, not what it reads")
			.isEqualTo("*");

		var operatorWriteWithoutAgency = api("dev-operator-key").post("/api/probe/write", "{}");
		assertThat(operatorWriteWithoutAgency.status()).isEqualTo(400);
		assertThat(operatorWriteWithoutAgency.json().get("type").asString()).endsWith("/missing-agency");
		assertThat(api("dev-operator-key").withHeader("X-Agency-Id", "acme").post("/api/probe/write", "{}").body())
			.isEqualTo("acme");
		assertThat(api("dev-demo-key").get("/api/probe/operator").status()).isEqualTo(403);
		assertThat(api("dev-operator-key").get("/api/probe/operator").status()).isEqualTo(200);
	}

	@Test
	void aJsonBodyHoldingTextThatCannotBeStoredAsSentIsRefusedNamingTheField() {
		var loneSurrogate = api("dev-demo-key").post("/api/probe/json",
				"{\"profile\": {\"terms\": [\"ok\", \"x\\ud800\"]}}");
		var nul = api("dev-demo-key").post("/api/probe/map", "{\"note\": \"a\\u0000b\"}");
		var nulInAName = api("dev-demo-key").post("/api/probe/map", "{\"a\\u0000\": 1}");
		var pair = api("dev-demo-key").post("/api/probe/map", "{\"emoji\": \"\\ud83d\\ude00\"}");

		assertThat(loneSurrogate.status()).isEqualTo(400);
		assertThat(loneSurrogate.json().at("/errors/0/field").asString()).isEqualTo("profile.terms[1]");
		assertThat(loneSurrogate.json().at("/errors/0/message").asString()).isEqualTo("is not valid Unicode");
		assertThat(nul.status()).isEqualTo(400);
		assertThat(nul.json().at("/errors/0/field").asString()).isEqualTo("note");
		assertThat(nulInAName.status()).isEqualTo(400);
		assertThat(nulInAName.json().at("/errors/0/field").asString()).as("never echoes the name").isEqualTo("body");
		assertThat(pair.status()).as("a surrogate pair is one valid character").isEqualTo(200);
	}

	/**
	 * A malformed %-escape in a query string threw from Tomcat's parameter parsing into a
	 * 500 with a stack trace in the log; the error page and a method Tomcat refuses
	 * itself answered Spring Boot's JSON, not problem+json.
	 */
	@Test
	void unreadableParametersTheErrorPageAndRefusedMethodsAreProblemJson() throws Exception {
		// no URI takes a malformed escape: sent as raw HTTP
		String malformed = rawGet("/api/probe/read?agency=%ZZ");
		var notUtf8 = api("dev-demo-key").get("/api/probe/read?agency=%C3%28");
		var errorPage = api(null).get("/error");
		var errorPageWithKey = api("dev-demo-key").send("POST", "/error", "application/json", "{}");
		var trace = api("dev-demo-key").send("TRACE", "/api/probe/read", "application/json", "");
		var twice = api("dev-demo-key").post("/api/probe/json", "{\"note\": \"a\", \"note\": \"b\"}");
		var refusedByAFilter = api("dev-demo-key").get("/api/probe/filter-refusal");

		assertThat(malformed).startsWith("HTTP/1.1 400 ")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"type\":\"https://bidstream.dev/problems/malformed-parameters\"");
		assertThat(notUtf8.status()).as(notUtf8.toString()).isEqualTo(400);
		assertThat(notUtf8.json().get("type").asString()).endsWith("/malformed-parameters");
		assertThat(errorPage.status()).isEqualTo(404);
		assertThat(errorPageWithKey.status()).isEqualTo(404);
		assertThat(trace.status()).isEqualTo(405);
		assertThat(trace.json().get("instance").asString()).as("the request's, not the error page's")
			.isEqualTo("/api/probe/read");
		assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
		assertThat(twice.json().at("/errors/0/field").asString()).isEqualTo("note");
		assertThat(twice.json().get("detail").asString()).isEqualTo("The JSON names \"note\" twice in one object");
		assertThat(refusedByAFilter.status()).as("the filter's problem, not a 500").isEqualTo(413);
		assertThat(refusedByAFilter.json().get("detail").asString()).isEqualTo("refused by a filter");
		for (var problem : new BidstreamApi.Response[] { notUtf8, errorPage, errorPageWithKey, trace, twice,
				refusedByAFilter }) {
			assertThat(problem.contentType()).as(problem.toString()).startsWith("application/problem+json");
			assertThat(problem.json().has("type") && problem.json().has("title") && problem.json().has("detail"))
				.as(problem.toString())
				.isTrue();
		}
	}

	private String rawGet(String target) throws java.io.IOException {
		try (java.net.Socket socket = new java.net.Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: dev-demo-key\r\n"
						+ "Connection: close\r\n\r\n")
					.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
			return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	@Test
	void errorsAreProblemJsonThatNamesTheFieldAndRevealsNothingInternal() throws Exception {
		var invalid = api("dev-demo-key").get("/api/probe/invalid");
		var boom = api("dev-demo-key").get("/api/probe/boom");
		var unmapped = api("dev-demo-key").get("/api/nowhere");
		var encodedWithoutKey = api(null).get("/%61pi/probe/read");
		var wrongMethod = api("dev-demo-key").send("DELETE", "/api/probe/read", "application/json", "");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("budget.amount");
		assertThat(boom.status()).isEqualTo(500);
		assertThat(boom.body()).doesNotContain("postgresql", "SECRET", "Exception", "select");
		for (var problem : new BidstreamApi.Response[] { invalid, boom, unmapped, wrongMethod }) {
			assertThat(problem.contentType()).startsWith("application/problem+json");
			assertThat(problem.json().has("type") && problem.json().has("title") && problem.json().has("detail"))
				.as(problem.toString())
				.isTrue();
		}
		assertThat(unmapped.status()).isEqualTo(404);
		assertThat(encodedWithoutKey.status()).as("an encoded /api path is still behind the key").isEqualTo(401);
		assertThat(wrongMethod.status()).isEqualTo(405);
		var databaseDown = api("dev-demo-key").get("/api/probe/database-down");
		assertThat(databaseDown.status()).isEqualTo(503);
		assertThat(databaseDown.contentType()).startsWith("application/problem+json");
		assertThat(databaseDown.json().get("type").asString()).endsWith("/database-unavailable");
		assertThat(databaseDown.body()).doesNotContain("JDBC");
		var retryAfter = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/probe/database-down"))
			.header("X-Api-Key", "dev-demo-key")
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(retryAfter.headers().firstValue("Retry-After")).hasValue("5");
		var timedOut = this.http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/probe/statement-timeout"))
			.header("X-Api-Key", "dev-demo-key")
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(timedOut.statusCode()).isEqualTo(503);
		assertThat(timedOut.body()).as("a timeout is not the database out of reach")
			.contains("/database-busy")
			.doesNotContain("out of reach", "57014", "canceling");
		assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("1");
	}

	int applied(UUID id) {
		return this.jdbc.queryForObject("select count(*) from applied where event_id = ?", Integer.class, id);
	}

}
