package com.bidstream.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.ingested;
import static com.bidstream.reporting.ReportingEvents.pursuit;
import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reporting service against a real broker and database: events go in on its topics,
 * the funnel comes out of its HTTP API. Every test reads its own one-day cohort, so tests
 * sharing the broker and database do not see each other's listings.
 */
abstract class ReportingIntegrationTests {

	/**
	 * Ingest's feeds, as the health report reads them ({@link PipelineHealthTests}).
	 */
	static final IngestFeedsStub INGEST = new IngestFeedsStub();

	@org.springframework.test.context.DynamicPropertySource
	static void ingest(org.springframework.test.context.DynamicPropertyRegistry registry) {
		registry.add("bidstream.reporting.ingest-url", INGEST::url);
	}

	static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Instant FIRST_WINDOW = Instant.parse("2024-01-01T00:00:00Z");

	private static final AtomicInteger windows = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	TopicReader kafka;

	ReportingEvents events;

	Instant day;

	String jobPrefix;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@BeforeEach
	void setUp() {
		this.kafka = new TopicReader(this.kafkaBootstrapServers);
		this.events = new ReportingEvents(this.kafka);
		this.day = FIRST_WINDOW.plus(Duration.ofDays(2L * windows.getAndIncrement()));
		this.jobPrefix = "upwork:~" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	Instant at(int hours) {
		return this.day.plus(Duration.ofHours(hours));
	}

	String job(String name) {
		return this.jobPrefix + name;
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	JsonNode funnel(String key, String query) {
		return funnel(api(key), query);
	}

	JsonNode funnel(BidstreamApi client, String query) {
		var response = client.get("/api/v1/reports/funnel?from=" + this.day + "&to=" + this.day.plus(Duration.ofDays(1))
				+ (query.isEmpty() ? "" : "&" + query));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/**
	 * Each row's counts as {@code group -> "scored queued proposed viewed replied
	 * interviewed hired lost withdrawn"}.
	 */
	Map<String, String> counts(String key, String query) {
		return counts(api(key), query);
	}

	Map<String, String> counts(BidstreamApi client, String query) {
		Map<String, String> rows = new LinkedHashMap<>();
		for (JsonNode row : funnel(client, query).get("rows")) {
			rows.put(row.get("group").asString(),
					String.join(" ",
							Arrays
								.stream(new String[] { "scored", "queued", "proposed", "viewed", "replied",
										"interviewed", "hired", "lost", "withdrawn" })
								.map((field) -> row.get(field).asString())
								.toList()));
		}
		return rows;
	}

	void awaitApplied(BidstreamEvent... applied) {
		for (BidstreamEvent event : applied) {
			await().atMost(PATIENCE)
				.until(() -> this.jdbc.queryForObject(
						"select count(*) from inbox where consumer = 'reporting' and event_id = ?", Integer.class,
						event.eventId()) == 1);
		}
	}

	@Test
	void countsEachListingOnceInTheGroupOfItsLatestScoreWithEveryStageItReached() {
		String agency = "funnel-" + UUID.randomUUID().toString().substring(0, 8);
		this.events.publish(score(agency, job("e1"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score(agency, job("e2"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score(agency, job("n1"), 1, "new", at(0), null, at(1)));
		this.events.publish(score(agency, job("n1"), 2, "emerging", at(0), null, at(3)));
		ListingScored lateOldVersion = score(agency, job("n1"), 1, "new", at(0), null, at(2));
		this.events.publish(lateOldVersion);
		for (PursuitAdvanced event : new PursuitAdvanced[] {
				pursuit(agency, job("e1"), Action.QUEUE, Stage.QUEUED, at(1)),
				pursuit(agency, job("e1"), Action.CLAIM, Stage.CLAIMED, at(2), "fl-1", null, null),
				pursuit(agency, job("e1"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(3), "fl-1", 16, null),
				pursuit(agency, job("e1"), Action.VIEWED, Stage.VIEWED, at(4)),
				pursuit(agency, job("e1"), Action.REPLIED, Stage.REPLIED, at(6)),
				pursuit(agency, job("e1"), Action.INTERVIEW, Stage.INTERVIEWING, at(8)),
				pursuit(agency, job("e1"), Action.HIRED, Stage.HIRED, at(20), null, null, new BigDecimal("5000")),
				pursuit(agency, job("e2"), Action.QUEUE, Stage.QUEUED, at(1)),
				pursuit(agency, job("e2"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-2", 8, null),
				pursuit(agency, job("e2"), Action.LOST, Stage.PROPOSED, at(30)),
				pursuit(agency, job("n1"), Action.QUEUE, Stage.QUEUED, at(1)) }) {
			this.events.publish(event);
		}

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency)).containsExactly(
					Map.entry("emerging", "1 1 0 0 0 0 0 0 0"), Map.entry("enterprise", "2 2 2 1 1 1 1 1 0")));
		awaitApplied(lateOldVersion);
		JsonNode enterprise = funnel("dev-operator-key", "agency=" + agency).get("rows").get(1);
		assertThat(enterprise.get("connectsSpent").asLong()).isEqualTo(24);
		assertThat(enterprise.get("revenue").decimalValue()).isEqualByComparingTo("5000");
		assertThat(enterprise.get("connectsPerHire").asDouble()).isEqualTo(24.0);
		assertThat(enterprise.get("replyRate").asDouble()).isEqualTo(0.5);
		assertThat(enterprise.get("winRate").asDouble()).isEqualTo(0.5);
		assertThat(enterprise.get("medianHoursToReply").asDouble()).isEqualTo(3.0);
		assertThat(enterprise.at("/diagnosis/stage").asString()).isEqualTo("NONE");
		assertThat(enterprise.get("replyRateInterval").values().stream().map(JsonNode::asDouble))
			.as("Wilson 95%% interval of 1 reply in 2 proposals")
			.containsExactly(0.0945, 0.9055);
		assertThat(enterprise.get("viewRateInterval").values().stream().map(JsonNode::asDouble)).containsExactly(0.0945,
				0.9055);
		assertThat(enterprise.get("enoughData").asBoolean()).isFalse();
		assertThat(enterprise.at("/lossReasons/PRICE").asLong()).isEqualTo(1);
		assertThat(enterprise.get("costPerWin").asDouble()).as("24 connects at $0.15 for one hire").isEqualTo(3.6);
		JsonNode emerging = funnel("dev-operator-key", "agency=" + agency).get("rows").get(0);
		assertThat(emerging.get("replyRateInterval").isNull()).isTrue();
		JsonNode channels = funnel("dev-operator-key", "agency=" + agency).get("channels");
		assertThat(channels.get("topSource").asString()).isEqualTo("upwork");
		assertThat(channels.get("hireShare").asDouble()).isEqualTo(1.0);
		assertThat(channels.get("concentrated").asBoolean()).isTrue();
		assertThat(counts("dev-operator-key", "agency=" + agency)).containsOnlyKeys("emerging", "enterprise");
	}

	@Test
	void aPeriodThatStartsAndEndsInsideDaysCountsExactlyTheListingsFirstIngestedInIt() {
		String agency = "edges-" + UUID.randomUUID().toString().substring(0, 8);
		int[] hours = { 1, 5, 23, 25, 30, 49, 51 };
		for (int hour : hours) {
			this.events.publish(score(agency, job("h" + hour), 1, "new", at(hour), null, at(hour)));
		}
		String period = "agency=" + agency + "&from=" + at(2) + "&to=" + at(50);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(api("dev-operator-key").get("/api/v1/reports/funnel?" + period)
				.json()
				.at("/rows/0/scored")
				.asLong()).as("hours 5, 23 (head), 25, 30 (a whole day) and 49 (tail)").isEqualTo(5));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(api("dev-operator-key")
				.get("/api/v1/reports/funnel?agency=" + agency + "&from=" + at(0) + "&to=" + at(52))
				.json()
				.at("/rows/0/scored")
				.asLong()).isEqualTo(7));
		assertThat(api("dev-operator-key")
			.get("/api/v1/reports/funnel?agency=" + agency + "&from=" + at(24) + "&to=" + at(48))
			.json()
			.at("/rows/0/scored")
			.asLong()).as("one whole day").isEqualTo(2);
		assertThat(api("dev-operator-key")
			.get("/api/v1/reports/funnel?agency=" + agency + "&from=" + at(6) + "&to=" + at(23))
			.json()
			.get("rows")
			.isEmpty()).as("inside one day, between listings").isTrue();
	}

	@Test
	void aPursuitEventThatArrivesBeforeItsScoreIsCountedOnceTheScoreArrives() {
		String agency = "early-" + UUID.randomUUID().toString().substring(0, 8);
		PursuitAdvanced proposal = pursuit(agency, job("a"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-1", 16,
				null);
		PursuitAdvanced reply = pursuit(agency, job("a"), Action.REPLIED, Stage.REPLIED, at(5));
		this.events.publish(proposal);
		this.events.publish(reply);
		awaitApplied(proposal, reply);
		assertThat(counts("dev-operator-key", "agency=" + agency)).isEmpty();

		this.events.publish(score(agency, job("a"), 1, "established", at(1), null, at(1)));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency))
				.containsExactly(Map.entry("established", "1 1 1 1 1 0 0 0 0")));
	}

	@Test
	void theSameEventDeliveredTwiceCountsOnce() {
		String agency = "twice-" + UUID.randomUUID().toString().substring(0, 8);
		ListingScored scored = score(agency, job("a"), 1, "emerging", at(0), null, at(1));
		PursuitAdvanced proposal = pursuit(agency, job("a"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-1", 16,
				null);
		PursuitAdvanced hired = pursuit(agency, job("a"), Action.HIRED, Stage.HIRED, at(9), null, null,
				new BigDecimal("1000"));
		this.events.publish(scored);
		this.events.publish(scored);
		this.events.publish(proposal);
		this.events.publish(proposal);
		this.events.publish(hired);
		this.events.publish(hired);
		// later events on the same keys (so the same partitions) show the copies before
		// them were consumed
		ListingScored rescored = score(agency, job("a"), 1, "emerging", at(0), null, at(3));
		PursuitAdvanced afterwards = pursuit(agency, job("a"), Action.OFFER, Stage.HIRED, at(10));
		this.events.publish(rescored);
		this.events.publish(afterwards);
		awaitApplied(rescored, afterwards);

		JsonNode row = funnel("dev-operator-key", "agency=" + agency).get("rows").get(0);
		assertThat(counts("dev-operator-key", "agency=" + agency))
			.containsExactly(Map.entry("emerging", "1 1 1 1 1 1 1 0 0"));
		assertThat(row.get("connectsSpent").asLong()).isEqualTo(16);
		assertThat(row.get("revenue").decimalValue()).isEqualByComparingTo("1000");
	}

	@Test
	void excludeNoHireDropsListingsClosedWithoutAHireFromEveryCount() {
		String agency = "closed-" + UUID.randomUUID().toString().substring(0, 8);
		this.events.publish(score(agency, job("open"), 1, "new", at(0), null, at(1)));
		this.events.publish(score(agency, job("hired"), 1, "new", at(0), ClosedResult.HIRED, at(1)));
		this.events.publish(score(agency, job("no-hire"), 1, "new", at(0), ClosedResult.NO_HIRE, at(1)));
		this.events.publish(score(agency, job("expired-later"), 1, "new", at(0), null, at(1)));
		this.events.publish(ingested(agency, job("expired-later"), 2, at(0), ClosedResult.EXPIRED, at(5)));
		for (String name : new String[] { "open", "hired", "no-hire", "expired-later" }) {
			this.events
				.publish(pursuit(agency, job(name), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-1", 5, null));
		}

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(counts("dev-operator-key", "agency=" + agency))
				.containsExactly(Map.entry("new", "4 4 4 0 0 0 0 0 0"));
			assertThat(counts("dev-operator-key", "agency=" + agency + "&excludeNoHire=true"))
				.containsExactly(Map.entry("new", "2 2 2 0 0 0 0 0 0"));
		});
		assertThat(funnel("dev-operator-key", "agency=" + agency + "&excludeNoHire=true").at("/rows/0/connectsSpent")
			.asLong()).isEqualTo(10);
	}

	@Test
	void aMemberSeesOnlyItsOwnAgencyAndAnOperatorSumsEveryAgencyUnlessItNarrows() {
		this.events.publish(score("demo", job("d1"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score("demo", job("d2"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score("acme", job("a1"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score("acme", job("a2"), 1, "new", at(0), null, at(1)));
		this.events.publish(pursuit("acme", job("a1"), Action.QUEUE, Stage.QUEUED, at(1)));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", ""))
				.containsExactly(Map.entry("enterprise", "3 1 0 0 0 0 0 0 0"), Map.entry("new", "1 0 0 0 0 0 0 0 0")));
		assertThat(counts("dev-demo-key", "")).containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"));
		assertThat(counts("dev-demo-key", "agency=acme")).containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"));
		assertThat(counts("dev-acme-key", "")).containsExactly(Map.entry("enterprise", "1 1 0 0 0 0 0 0 0"),
				Map.entry("new", "1 0 0 0 0 0 0 0 0"));
		assertThat(counts("dev-operator-key", "agency=demo"))
			.containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"));
	}

	@Test
	void anOperatorIsNarrowedOnlyByTheAgencyParameterNotByItsAgencyHeader() {
		this.events.publish(score("demo", job("d1"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score("acme", job("a1"), 1, "enterprise", at(0), null, at(1)));
		this.events.publish(score("acme", job("a2"), 1, "new", at(0), null, at(1)));
		BidstreamApi operatorActingForAcme = api("dev-operator-key").withHeader("X-Agency-Id", "acme");

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", ""))
				.containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"), Map.entry("new", "1 0 0 0 0 0 0 0 0")));
		assertThat(counts(operatorActingForAcme, "")).as("no agency=: every agency, whatever X-Agency-Id says")
			.containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"), Map.entry("new", "1 0 0 0 0 0 0 0 0"));
		assertThat(counts(operatorActingForAcme, "agency=acme"))
			.containsExactly(Map.entry("enterprise", "1 0 0 0 0 0 0 0 0"), Map.entry("new", "1 0 0 0 0 0 0 0 0"));
		assertThat(counts(operatorActingForAcme, "agency=")).as("a blank agency= means every agency")
			.containsExactly(Map.entry("enterprise", "2 0 0 0 0 0 0 0 0"), Map.entry("new", "1 0 0 0 0 0 0 0 0"));
		var csv = operatorActingForAcme
			.get("/api/v1/reports/funnel.csv?from=" + this.day + "&to=" + this.day.plus(Duration.ofDays(1)));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().split("\r\n")).hasSize(3)
			.satisfies((lines) -> assertThat(lines[1]).startsWith("enterprise,2,"));
	}

	@Test
	void anEventWithANulCharacterInATextFieldGoesToTheDeadLetterTopicAndTheGoodEventAfterItIsCounted() {
		String agency = "nul-" + UUID.randomUUID().toString().substring(0, 8);
		String good = job("good");
		Listing withNul = new Listing("upwork", good.substring(good.indexOf(':') + 1), null, "Bad\0title", null, at(0),
				"Web\0Dev", List.of(), null, null, null, null, null, null, null, null);
		this.events.publish(new ListingIngested(UUID.randomUUID(), at(0), agency, good, ListingIngested.SCHEMA_VERSION,
				1, at(0), withNul));
		this.events.publish(score(agency, good, 1, "new\0", at(0), null, at(1)));
		this.events.publish(pursuit(agency, good, Action.CLAIM, Stage.CLAIMED, at(1), "fl-\0", null, null));
		// the good events share the bad ones' key, so their partition, and come after
		// them
		this.events.publish(ingested(agency, good, 2, at(0), ClosedResult.NO_HIRE, at(4)));
		this.events.publish(score(agency, good, 1, "new", at(0), null, at(2)));
		this.events.publish(pursuit(agency, good, Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-1", 3, null));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency))
				.containsExactly(Map.entry("new", "1 1 1 0 0 0 0 0 0")));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency + "&excludeNoHire=true"))
				.as("the good listings.ingested message closed the listing")
				.isEmpty());
		for (String topic : Topics.ALL) {
			var deadLetters = this.kafka.awaitRecords(Topics.deadLetter(topic, "reporting"),
					(message) -> message.value().contains(good) && message.value().contains("\\u0000"), PATIENCE);
			assertThat(deadLetters).as(topic)
				.singleElement()
				.satisfies((message) -> assertThat(message.headers()).containsEntry("x-original-topic", topic));
		}
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pursuit_events where job_key = ? and action = 'CLAIM'", Integer.class, good))
			.isZero();
	}

	@Test
	void garbageOnEachTopicGoesToItsDeadLetterTopicAndTheGoodMessageBesideItIsCounted() {
		String agency = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
		String marker = UUID.randomUUID().toString();
		for (String topic : Topics.ALL) {
			this.kafka.send(topic, agency + "|garbage", "{not json " + marker);
		}
		this.events.publish(ingested(agency, job("good"), 2, at(0), ClosedResult.NO_HIRE, at(4)));
		this.events.publish(score(agency, job("good"), 1, "new", at(0), null, at(1)));
		this.events.publish(pursuit(agency, job("good"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-1", 3, null));

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency))
				.containsExactly(Map.entry("new", "1 1 1 0 0 0 0 0 0")));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(counts("dev-operator-key", "agency=" + agency + "&excludeNoHire=true"))
				.as("the good listings.ingested message closed the listing")
				.isEmpty());
		for (String topic : Topics.ALL) {
			var deadLetters = this.kafka.awaitRecords(Topics.deadLetter(topic, "reporting"),
					(message) -> message.value().contains(marker), PATIENCE);
			assertThat(deadLetters).singleElement()
				.satisfies((message) -> assertThat(message.headers()).containsEntry("x-original-topic", topic)
					.containsKey("x-exception-message"));
		}
	}

	@Test
	void aListingIngestedWithoutItsListingIsADeadLetterWhoseReasonSaysSoWithoutClassNames() {
		String agency = "nolisting-" + UUID.randomUUID().toString().substring(0, 8);
		String jobKey = job("empty");
		this.kafka.send(Topics.LISTINGS_INGESTED, agency + "|" + jobKey,
				"{\"eventId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"" + at(0) + "\",\"agencyId\":\"" + agency
						+ "\",\"jobKey\":\"" + jobKey + "\",\"schemaVersion\":1,\"version\":1}");

		var deadLetter = this.kafka
			.awaitRecords(Topics.deadLetter(Topics.LISTINGS_INGESTED, "reporting"),
					(message) -> message.value().contains(jobKey), PATIENCE)
			.get(0);
		// it was a NullPointerException's words, naming the contract's classes and
		// methods
		assertThat(deadLetter.headers().get("x-exception-message")).endsWith("carries no listing")
			.doesNotContain("com.bidstream", "NullPointerException", "()");
		var listed = api("dev-operator-key").get("/api/v1/dead-letters?topic="
				+ Topics.deadLetter(Topics.LISTINGS_INGESTED, "reporting") + "&limit=500");
		assertThat(listed.body()).contains(jobKey).doesNotContain("com.bidstream");
	}

	@Test
	void groupsByFreelancerAndExportsTheSameRowsAsCsv() {
		String agency = "crew-" + UUID.randomUUID().toString().substring(0, 8);
		this.events.publish(score(agency, job("claimed"), 1, "new", at(0), null, at(1)));
		this.events.publish(score(agency, job("waiting"), 1, "new", at(0), null, at(1)));
		this.events.publish(pursuit(agency, job("claimed"), Action.CLAIM, Stage.CLAIMED, at(1), "fl-ana", null, null));
		this.events
			.publish(pursuit(agency, job("claimed"), Action.PROPOSAL_SENT, Stage.PROPOSED, at(2), "fl-ana", 7, null));

		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(counts("dev-operator-key", "groupBy=freelancer&agency=" + agency)).containsExactly(
							Map.entry("fl-ana", "1 1 1 0 0 0 0 0 0"), Map.entry("unassigned", "1 0 0 0 0 0 0 0 0")));
		var csv = api("dev-operator-key").get("/api/v1/reports/funnel.csv?groupBy=freelancer&agency=" + agency
				+ "&from=" + this.day + "&to=" + this.day.plus(Duration.ofDays(1)));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().split("\r\n")).hasSize(3)
			.satisfies((lines) -> assertThat(lines[0]).startsWith("group,scored,queued,proposed,"))
			.satisfies((lines) -> assertThat(lines[1])
				.startsWith("fl-ana,1,1,1,0,0,0,0,0,0,7,0,0.0,0.0,0.7935,0.0,0.0,0.7935,"))
			.satisfies((lines) -> assertThat(lines[2])
				.startsWith("unassigned,1,0,0,0,0,0,0,0,0,0,0" + ",".repeat(15) + ",false,NONE,"));
	}

	@Test
	void refusesCallsWithoutAKeyAndNamesABadParameter() {
		var noKey = api(null).get("/api/v1/reports/funnel");
		var badGroup = api("dev-demo-key").get("/api/v1/reports/funnel?groupBy=planet");
		var badFrom = api("dev-demo-key").get("/api/v1/reports/funnel?from=2026-02-30");
		var farPast = api("dev-operator-key").get("/api/v1/reports/funnel?to=-999999999-01-01T00:00:00Z");

		assertThat(noKey.status()).isEqualTo(401);
		assertThat(badGroup.status()).isEqualTo(400);
		assertThat(badGroup.json().at("/errors/0/field").asString()).isEqualTo("groupBy");
		assertThat(badFrom.status()).isEqualTo(400);
		assertThat(badFrom.json().at("/errors/0/field").asString()).isEqualTo("from");
		assertThat(badFrom.body()).doesNotContain("Exception", "java.");
		assertThat(farPast.status()).as(farPast.toString()).isEqualTo(400);
		assertThat(farPast.contentType()).startsWith("application/problem+json");
		assertThat(farPast.json().at("/errors/0/field").asString()).isEqualTo("to");
	}

}
