package com.bidstream.reporting;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.pursuit;
import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dead-letter endpoints against the real broker: messages the reporting consumers
 * dead-letter, and messages written to a dead-letter topic the way the platform's
 * recoverer writes them. Each infrastructure's {@link ReportingIntegrationTests} runs
 * them as a nested class, in its own context. The dead-letter topics are shared with
 * other tests, so each test finds its own messages by offset or marker, or uses a
 * dead-letter topic of its own.
 */
abstract class DeadLetterIntegrationTests {

	private static final Duration PATIENCE = ReportingIntegrationTests.PATIENCE;

	private static final Instant DAY = Instant.parse("2023-03-01T00:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void aPoisonMessageIsListedWithItsReasonItsOriginalTopicAndOffsetAndAPayloadCutAtTenThousandCharacters() {
		String marker = UUID.randomUUID().toString();
		ByteArrayOutputStream poison = new ByteArrayOutputStream();
		poison.writeBytes(("{not json " + marker + " ").getBytes(StandardCharsets.UTF_8));
		poison.write(0xFF);
		poison.writeBytes("x".repeat(15_000).getBytes(StandardCharsets.UTF_8));
		RecordMetadata sent = write(
				new ProducerRecord<>(Topics.LISTINGS_INGESTED, bytes("poison|" + marker), poison.toByteArray()));
		String topic = Topics.deadLetter(Topics.LISTINGS_INGESTED, "reporting");

		JsonNode letter = await().atMost(PATIENCE)
			.until(() -> find(list("?topic=" + topic + "&limit=1000"), marker), (found) -> found != null);

		assertThat(letter.get("id").asString()).startsWith(topic + ":");
		assertThat(letter.get("topic").asString()).isEqualTo(topic);
		assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.LISTINGS_INGESTED);
		assertThat(letter.get("originalPartition").asInt()).isEqualTo(sent.partition());
		assertThat(letter.get("originalOffset").asLong()).isEqualTo(sent.offset());
		assertThat(letter.get("reason").asString()).isNotBlank().doesNotContain("\n\tat ");
		assertThat(Instant.parse(letter.get("at").asString())).isAfter(DAY);
		assertThat(letter.get("payload").asString()).hasSize(10_000).startsWith("{not json " + marker + " \uFFFDxxx");
		assertThat(list("")).as("every dead-letter topic, newest first, 100 at most")
			.hasSizeLessThanOrEqualTo(100)
			.anySatisfy((any) -> assertThat(any.get("id")).isEqualTo(letter.get("id")));
	}

	@Test
	void aRedrivenEventIsAppliedOnceHoweverOftenItIsRedriven() {
		ReportingEvents events = new ReportingEvents(new TopicReader(this.bootstrapServers));
		PursuitAdvanced proposal = proposalOfAScoredListing(events);
		String agency = proposal.agencyId();
		String job = proposal.jobKey();
		String id = deadLetter(Topics.deadLetter(Topics.PURSUITS_EVENTS, "reporting"), proposal.key(),
				EventCodec.toBytes(proposal), proposal.eventId(), "PursuitAdvanced", Topics.PURSUITS_EVENTS, null);
		double duplicatesBefore = duplicates();
		JsonNode waiting = listed(id);
		assertThat(waiting.get("redrivenAt").isNull()).as("not redriven yet").isTrue();
		assertThat(waiting.get("redrives").asInt()).isZero();
		Instant before = Instant.now().minusSeconds(1);

		var first = post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + id + "\"]}");
		assertThat(first.status()).as(first.toString()).isEqualTo(202);
		assertThat(first.json().get("redriven").asInt()).isEqualTo(1);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(proposals(agency)).isEqualTo("1 proposed, 16 connects"));

		var second = post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + id + "\", \"" + id + "\"]}");
		assertThat(second.status()).as(second.toString()).isEqualTo(202);
		assertThat(second.json().get("redriven").asInt()).as("an id named twice is redriven once").isEqualTo(1);
		JsonNode handled = listed(id);
		assertThat(handled.get("redrives").asInt()).as("listed as redriven, twice").isEqualTo(2);
		assertThat(Instant.parse(handled.get("redrivenAt").asString())).isAfter(before);
		// a later event of the same key (so the same partition) shows the copy before it
		// was consumed
		PursuitAdvanced later = pursuit(agency, job, Action.VIEWED, Stage.VIEWED, DAY.plusSeconds(180));
		events.publish(later);
		await().atMost(PATIENCE).until(() -> viewed(agency) == 1);

		assertThat(duplicates()).as("the second copy reached the consumer and was skipped")
			.isGreaterThan(duplicatesBefore);
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(proposals(agency)).isEqualTo("1 proposed, 16 connects"));
	}

	@Test
	void theDeadLettersOfSeveralGroupsForOneMessagePublishItOnce() {
		// a walkthrough redrove both groups' dead letters of one message: each group got
		// it twice
		ReportingEvents events = new ReportingEvents(new TopicReader(this.bootstrapServers));
		PursuitAdvanced proposal = proposalOfAScoredListing(events);
		String agency = proposal.agencyId();
		String job = proposal.jobKey();
		long original = ORIGINAL_OFFSETS.incrementAndGet();
		List<String> ids = new ArrayList<>();
		for (String group : List.of("reporting", "tracking")) {
			ids.add(deadLetter(Topics.deadLetter(Topics.PURSUITS_EVENTS, group), proposal.key(),
					EventCodec.toBytes(proposal), proposal.eventId(), "PursuitAdvanced", Topics.PURSUITS_EVENTS, null,
					original));
		}
		double duplicatesBefore = duplicates();

		var redrive = post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + String.join("\", \"", ids) + "\"]}");

		assertThat(redrive.status()).as(redrive.toString()).isEqualTo(202);
		assertThat(redrive.json().get("redriven").asInt()).as("one message published").isEqualTo(1);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(proposals(agency)).isEqualTo("1 proposed, 16 connects"));
		// a later event of the same key (so the same partition) comes after any copy
		events.publish(pursuit(agency, job, Action.VIEWED, Stage.VIEWED, DAY.plusSeconds(180)));
		await().atMost(PATIENCE).until(() -> viewed(agency) == 1);
		assertThat(duplicates()).as("no second copy reached reporting's consumer").isEqualTo(duplicatesBefore);
		assertThat(ids).as("both dead letters listed as redriven")
			.allSatisfy((id) -> assertThat(listed(id).get("redrives").asInt()).isEqualTo(1));

		// two different messages that claim one origin (a topic made anew, headers of
		// another producer) are both published
		long claimed = ORIGINAL_OFFSETS.incrementAndGet();
		List<String> different = new ArrayList<>();
		for (String group : List.of("reporting", "tracking")) {
			PursuitAdvanced other = pursuit(agency, job + "-" + group, Action.PROPOSAL_SENT, Stage.PROPOSED,
					DAY.plusSeconds(240), "fl-1", 16, null);
			different.add(
					deadLetter(Topics.deadLetter(Topics.PURSUITS_EVENTS, group), other.key(), EventCodec.toBytes(other),
							other.eventId(), "PursuitAdvanced", Topics.PURSUITS_EVENTS, null, claimed));
		}
		var both = post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + String.join("\", \"", different) + "\"]}");
		assertThat(both.json().get("redriven").asInt()).as(both.toString()).isEqualTo(2);
	}

	/**
	 * Publishes the score of a new listing of a new agency, and answers a proposal on it
	 * (16 connects), not published.
	 */
	private static PursuitAdvanced proposalOfAScoredListing(ReportingEvents events) {
		String agency = "redrive-" + UUID.randomUUID().toString().substring(0, 8);
		String job = "upwork:~" + UUID.randomUUID().toString().substring(0, 8);
		events.publish(score(agency, job, 1, "emerging", DAY, null, DAY.plusSeconds(60)));
		return pursuit(agency, job, Action.PROPOSAL_SENT, Stage.PROPOSED, DAY.plusSeconds(120), "fl-1", 16, null);
	}

	JsonNode listed(String id) {
		String topic = id.substring(0, id.indexOf(':'));
		return list("?topic=" + topic).stream()
			.filter((letter) -> letter.get("id").asString().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no dead letter " + id + " listed"));
	}

	@Test
	void aWholeTopicIsRedrivenAndMessagesWithGarbledHeadersAreListedAndRedrivenToo() throws Exception {
		String topic = "error.listings.scored.redrive-" + UUID.randomUUID().toString().substring(0, 8);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
		}
		String agency = "all-" + UUID.randomUUID().toString().substring(0, 8);
		// recent: the broker deletes messages older than its retention (7 days) at once
		Instant dayStart = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ListingScored scored = score(agency, "upwork:~" + i, 1, "new", DAY, null, DAY.plusSeconds(60));
			Instant at = dayStart.plusSeconds(i);
			ids.add(deadLetter(topic, scored.key(), EventCodec.toBytes(scored), scored.eventId(), "ListingScored",
					(i == 1) ? null : Topics.LISTINGS_SCORED, at));
		}

		List<JsonNode> listed = list("?topic=" + topic);
		assertThat(listed).extracting((letter) -> letter.get("id").asString())
			.as("newest first")
			.containsExactly(ids.get(2), ids.get(1), ids.get(0));
		JsonNode garbled = listed.get(1);
		assertThat(garbled.get("originalTopic").asString()).as("from the topic's name").isEqualTo("listings.scored");
		assertThat(garbled.get("originalPartition").isNull()).isTrue();
		assertThat(garbled.get("originalOffset").isNull()).isTrue();
		assertThat(garbled.get("reason").isNull()).isTrue();
		assertThat(garbled.get("at").asString()).isEqualTo(dayStart.plusSeconds(1).toString());
		assertThat(this.meters.get("bidstream.reporting.dead-letters").tag("topic", topic).gauge().value())
			.isEqualTo(3.0);
		double redrivenBefore = this.meters.get("bidstream.reporting.dead-letters.redriven").counter().count();

		var redrive = post("/api/v1/dead-letters/redrive", "{\"topic\": \"" + topic + "\", \"all\": true}");

		assertThat(redrive.status()).as(redrive.toString()).isEqualTo(202);
		assertThat(redrive.json().get("redriven").asInt()).isEqualTo(3);
		assertThat(this.meters.get("bidstream.reporting.dead-letters.redriven").counter().count())
			.isEqualTo(redrivenBefore + 3);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(funnelRows(agency)).singleElement()
				.satisfies((row) -> assertThat(row.get("scored").asInt()).isEqualTo(3)));
		assertThat(list("?topic=" + topic)).extracting((letter) -> letter.get("redrives").asInt())
			.as("each listed as redriven once")
			.containsExactly(1, 1, 1);
		assertThat(BidstreamApi.at(baseUrl(), null).get("/actuator/prometheus").body())
			.contains("bidstream_reporting_dead_letters{", "bidstream_reporting_dead_letters_redriven_total");
	}

	@Test
	void onlyAnOperatorReadsOrRedrivesAndEveryBadFieldIsNamed() {
		String known = "error.listings.ingested.reporting";

		assertThat(BidstreamApi.at(baseUrl(), null).get("/api/v1/dead-letters").status()).isEqualTo(401);
		assertThat(api("dev-demo-key").get("/api/v1/dead-letters").status()).isEqualTo(403);
		assertThat(api("dev-demo-key")
			.post("/api/v1/dead-letters/redrive", "{\"topic\": \"" + known + "\", \"all\": true}")
			.status()).isEqualTo(403);
		var notAnErrorTopic = api("dev-operator-key").get("/api/v1/dead-letters?topic=listings.ingested");
		assertThat(badField(notAnErrorTopic)).isEqualTo("topic");
		assertThat(notAnErrorTopic.json().at("/errors/0/message").asString()).as("names the topics there are")
			.contains("error.listings.ingested.scoring", "error.pursuits.events.scoring");
		assertThat(badField(api("dev-operator-key").get("/api/v1/dead-letters?limit=0"))).isEqualTo("limit");
		assertThat(badField(api("dev-operator-key").get("/api/v1/dead-letters?limit=1001"))).isEqualTo("limit");
		assertThat(badField(api("dev-operator-key").get("/api/v1/dead-letters?limit=many"))).isEqualTo("limit");
		assertThat(badField(post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + known + ":0:0\", \"x\"]}")))
			.isEqualTo("ids[1]");
		assertThat(badField(post("/api/v1/dead-letters/redrive", "{\"ids\": [\"" + known + ":0:999999999\"]}")))
			.as("an id that names no message: nothing is redriven")
			.isEqualTo("ids[0]");
		assertThat(badField(post("/api/v1/dead-letters/redrive", "{\"topic\": \"" + known + "\"}"))).isEqualTo("all");
		assertThat(badField(post("/api/v1/dead-letters/redrive", "{\"topic\": \"listings.ingested\", \"all\": true}")))
			.isEqualTo("topic");
		assertThat(badField(api("dev-operator-key").get("/api/v1/dead-letters?topic=error.nothing.here")))
			.as("a topic the broker does not hold and no consumer writes: not an empty list")
			.isEqualTo("topic");
		assertThat(badField(post("/api/v1/dead-letters/redrive", "{\"topic\": \"error.nothing.here\", \"all\": true}")))
			.as("nor 202 with nothing redriven")
			.isEqualTo("topic");
		// tracking's own dead-letter topic, which the broker makes at its first dead
		// letter
		// (none here): none yet is an answer
		String noneYet = "error.listings.scored.tracking";
		assertThat(list("?topic=" + noneYet)).isEmpty();
		var redriveNoneYet = post("/api/v1/dead-letters/redrive", "{\"topic\": \"" + noneYet + "\", \"all\": true}");
		assertThat(redriveNoneYet.status()).as(redriveNoneYet.toString()).isEqualTo(202);
		assertThat(redriveNoneYet.json().get("redriven").asInt()).isZero();
	}

	private String badField(BidstreamApi.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		return response.json().at("/errors/0/field").asString();
	}

	/**
	 * Writes a message to a dead-letter topic as the platform's recoverer would: the
	 * event's key, value and headers, and the origin headers (none when
	 * {@code originalTopic} is null, with a garbled partition instead).
	 * @return the dead letter's id
	 */
	private String deadLetter(String topic, String key, byte[] value, UUID eventId, String type, String originalTopic,
			Instant at) {
		return deadLetter(topic, key, value, eventId, type, originalTopic, at, ORIGINAL_OFFSETS.incrementAndGet());
	}

	/** Each dead letter written here is of another original message, unless told. */
	private static final java.util.concurrent.atomic.AtomicLong ORIGINAL_OFFSETS = new java.util.concurrent.atomic.AtomicLong(
			1_000_000);

	private String deadLetter(String topic, String key, byte[] value, UUID eventId, String type, String originalTopic,
			Instant at, long originalOffset) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
				(at != null) ? at.toEpochMilli() : null, bytes(key), value);
		record.headers().add("eventId", bytes(eventId.toString())).add("type", bytes(type));
		if (originalTopic != null) {
			record.headers()
				.add("x-original-topic", bytes(originalTopic))
				.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(0).array())
				.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(originalOffset).array())
				.add("x-exception-message", bytes("simulated failure"));
		}
		else {
			record.headers().add("x-original-partition", new byte[] { 7, 7, 7 });
		}
		RecordMetadata sent = write(record);
		return topic + ":" + sent.partition() + ":" + sent.offset();
	}

	private RecordMetadata write(ProducerRecord<byte[], byte[]> record) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.ACKS_CONFIG,
				"all");
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			return producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not write " + record.topic(), ex);
		}
	}

	private double duplicates() {
		return this.meters.get("bidstream.events.consumed")
			.tag("consumer", "reporting")
			.tag("event", "PursuitAdvanced")
			.tag("result", "duplicate")
			.counter()
			.count();
	}

	private String proposals(String agency) {
		List<JsonNode> rows = funnelRows(agency);
		JsonNode row = rows.isEmpty() ? null : rows.get(0);
		return (row == null) ? "no row"
				: row.get("proposed").asInt() + " proposed, " + row.get("connectsSpent").asLong() + " connects";
	}

	private int viewed(String agency) {
		List<JsonNode> rows = funnelRows(agency);
		return rows.isEmpty() ? 0 : rows.get(0).get("viewed").asInt();
	}

	private List<JsonNode> funnelRows(String agency) {
		var response = api("dev-operator-key")
			.get("/api/v1/reports/funnel?agency=" + agency + "&from=" + DAY + "&to=" + DAY.plus(Duration.ofDays(1)));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> rows = new ArrayList<>();
		response.json().get("rows").forEach(rows::add);
		return rows;
	}

	private List<JsonNode> list(String query) {
		var response = api("dev-operator-key").get("/api/v1/dead-letters" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<JsonNode> letters = new ArrayList<>();
		response.json().get("deadLetters").forEach(letters::add);
		return letters;
	}

	private static JsonNode find(List<JsonNode> letters, String marker) {
		Map<String, JsonNode> matching = new LinkedHashMap<>();
		for (JsonNode letter : letters) {
			if (letter.get("payload").asString().contains(marker)) {
				matching.put(letter.get("id").asString(), letter);
			}
		}
		assertThat(matching).as("one dead letter per poison message").hasSizeLessThanOrEqualTo(1);
		return matching.values().stream().findFirst().orElse(null);
	}

	private BidstreamApi.Response post(String path, String json) {
		return api("dev-operator-key").post(path, json);
	}

	private BidstreamApi api(String key) {
		return BidstreamApi.at(baseUrl(), key);
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
