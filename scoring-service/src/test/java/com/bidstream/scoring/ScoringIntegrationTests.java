package com.bidstream.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.scoring.model.ScoringModel;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.testsupport.DashboardQueries;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scoring service end to end, on a real broker and database: listings in on
 * {@code listings.ingested}, scores out on {@code listings.scored} and over HTTP.
 */
abstract class ScoringIntegrationTests {

	static final Duration WAIT = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@Autowired
	JdbcTemplate jdbc;

	TopicReader kafka() {
		return new TopicReader(this.kafkaBootstrapServers);
	}

	/** An agency of its own for one test. */
	static String newAgency() {
		return "it-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The operator, acting for {@code agency}. */
	BidstreamApi operatorOf(String agency) {
		return api("dev-operator-key").withHeader("X-Agency-Id", agency);
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	static ListingIngested ingested(String agency, Listing listing, int version) {
		return new ListingIngested(UUID.randomUUID(), Instant.now(), agency, listing.jobKey(),
				ListingIngested.SCHEMA_VERSION, version, Instant.parse("2026-11-22T09:00:00Z"), listing);
	}

	void publish(ListingIngested event) {
		kafka().send(Topics.LISTINGS_INGESTED, event.key(), EventCodec.toBytes(event));
	}

	List<ListingScored> awaitScored(ListingIngested event, int version) {
		return kafka()
			.awaitRecords(Topics.LISTINGS_SCORED,
					(m) -> m.key().equals(event.key()) && read(m.value()).version() == version, WAIT)
			.stream()
			.map((m) -> read(m.value()))
			.filter((scored) -> scored.version() == version)
			.toList();
	}

	List<ListingScored> scoredNow(String key) {
		return kafka().readAll(Topics.LISTINGS_SCORED)
			.stream()
			.filter((m) -> key.equals(m.key()))
			.map((m) -> read(m.value()))
			.toList();
	}

	List<ListingScored> awaitScoredTimes(String key, int times) {
		return await().atMost(WAIT).until(() -> scoredNow(key), (scores) -> scores.size() >= times);
	}

	/**
	 * Waits until the rescore {@code started} answered has ended, DONE or FAILED, and
	 * returns its progress.
	 */
	JsonNode awaitRescoreEnded(BidstreamApi operator, String agency, BidstreamApi.Response started) {
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.json().get("rescoreId").asString();
		return await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/rescore/" + id + "?agency=" + agency).json(),
					(progress) -> !progress.get("status").asString().equals("RUNNING"));
	}

	/**
	 * Ana, who lists Java, Spring Boot and Kafka and has a Kafka pipeline to show.
	 */
	static void putAna(BidstreamApi operator) {
		operator.put("/api/v1/freelancers/fl-ana",
				"{\"name\": \"Ana\", \"skills\": [\"Java\", \"Spring Boot\", \"Kafka\"], \"proof\": [\"Kafka pipeline for a fintech\"]}");
	}

	/**
	 * The listing's scores on the topic stay {@code times} over a window: nothing more is
	 * published for it.
	 */
	void assertPublishedStays(String key, int times) {
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(30))
			.until(() -> scoredNow(key).size(), (count) -> count == times);
	}

	static ListingScored.Signal signal(List<ListingScored.Signal> signals, String name) {
		return signals.stream().filter((signal) -> signal.name().equals(name)).findFirst().orElseThrow();
	}

	static ListingScored read(String json) {
		return EventCodec.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), ListingScored.class);
	}

	static String uniqueId() {
		return "~it" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	@Test
	void anIngestedListingIsScoredAndPublishedWithTheListingsFacts() {
		Listing listing = TestListings.expertKafkaJob(uniqueId(), Instant.now());
		ListingIngested event = ingested("demo", listing, 1);

		publish(event);

		ListingScored scored = awaitScored(event, 1).get(0);
		assertThat(scored.agencyId()).isEqualTo("demo");
		assertThat(scored.jobKey()).isEqualTo(listing.jobKey());
		assertThat(scored.key()).isEqualTo("demo|" + listing.jobKey());
		assertThat(scored.decision()).isEqualTo(Decision.PURSUE);
		assertThat(scored.segment()).isEqualTo("enterprise");
		assertThat(scored.signals()).extracting(ListingScored.Signal::name)
			.containsExactly("budget", "clientQuality", "hireLikelihood", "proofMatch", "scopeDepth", "aiResilience",
					"competition", "freshness");
		assertThat(scored.source()).isEqualTo("upwork");
		assertThat(scored.category()).isEqualTo(listing.category());
		assertThat(scored.skills()).isEqualTo(listing.skills());
		assertThat(scored.postedAt()).isEqualTo(listing.postedAt());
		assertThat(scored.firstIngestedAt()).isEqualTo(event.firstIngestedAt());
		assertThat(scored.estimatedValue()).isEqualByComparingTo("4000");
		assertThat(scored.proposals()).isEqualTo(3);
		assertThat(scored.closedResult()).isNull();
		assertThat(scored.modelVersion()).isEqualTo("default-1");
	}

	@Test
	void theSameEventDeliveredTwiceIsScoredAndPublishedOnce() {
		Listing listing = TestListings.websiteJob(uniqueId(), Instant.now());
		ListingIngested first = ingested("demo", listing, 1);
		ListingIngested later = ingested("demo", listing, 2);

		publish(first);
		publish(first);
		publish(later);

		awaitScored(later, 2);
		assertThat(scoredNow(first.key())).extracting(ListingScored::version).containsExactly(1, 2);
	}

	@Test
	void anOlderVersionArrivingAfterANewerOneIsNotPublished() {
		Listing listing = TestListings.websiteJob(uniqueId(), Instant.now());

		publish(ingested("demo", listing, 2));
		publish(ingested("demo", listing, 1));
		ListingIngested newest = ingested("demo", listing, 3);
		publish(newest);

		awaitScored(newest, 3);
		assertThat(scoredNow(newest.key())).extracting(ListingScored::version).containsExactly(2, 3);
	}

	@Test
	void aGarbageMessageIsDeadLetteredWithItsReasonAndTheGoodOneBesideItIsScored() {
		String marker = UUID.randomUUID().toString();
		ListingIngested good = ingested("demo", TestListings.dataEntryJob(uniqueId(), Instant.now()), 1);

		kafka().send(Topics.LISTINGS_INGESTED, "demo|garbage", "{not json " + marker);
		publish(good);

		assertThat(awaitScored(good, 1)).singleElement()
			.satisfies((scored) -> assertThat(scored.decision()).isEqualTo(Decision.SKIP));
		var dead = kafka().awaitRecords(Topics.deadLetter(Topics.LISTINGS_INGESTED, "scoring"),
				(m) -> m.value().contains(marker), WAIT);
		assertThat(dead).singleElement().satisfies((m) -> {
			assertThat(m.headers()).containsEntry("x-original-topic", Topics.LISTINGS_INGESTED);
			assertThat(m.headers().get("x-exception-message")).contains("not a valid ListingIngested");
		});
	}

	@Test
	void aScoreIsReadableByItsAgencyInTheContractsShapeAndNotFoundForAnother() {
		Listing listing = TestListings.expertKafkaJob(uniqueId(), Instant.now());
		String path = "/api/v1/scores/" + listing.jobKey();
		assertThat(api("dev-demo-key").get(path).status()).isEqualTo(404);

		ListingIngested event = ingested("demo", listing, 1);
		publish(event);
		awaitScored(event, 1);

		var own = api("dev-demo-key").get(path);
		assertThat(own.status()).isEqualTo(200);
		JsonNode json = own.json();
		assertThat(json.get("jobKey").asString()).isEqualTo(listing.jobKey());
		assertThat(json.get("agencyId").asString()).isEqualTo("demo");
		assertThat(json.get("title").asString()).as("beyond the contract").isEqualTo(listing.title());
		assertThat(json.get("url").asString()).isEqualTo(listing.url());
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.get("score").asInt()).isBetween(70, 100);
		assertThat(json.get("decision").asString()).isEqualTo("PURSUE");
		assertThat(json.get("segment").asString()).isEqualTo("enterprise");
		assertThat(json.get("budgetBand").asString()).isEqualTo("MEDIUM");
		assertThat(json.get("aiWork").asBoolean()).isFalse();
		assertThat(json.get("aiExposure").asString()).isEqualTo("HUMAN_CRITICAL");
		assertThat(json.get("signals").size()).isEqualTo(8);
		assertThat(json.get("signals").get(0).get("weight").asDouble()).isEqualTo(0.15);
		assertThat(json.get("redFlags").isArray()).isTrue();
		assertThat(json.get("matches").isArray()).isTrue();
		assertThat(json.get("modelVersion").asString()).isEqualTo("default-1");
		assertThat(Instant.parse(json.get("scoredAt").asString())).isBefore(Instant.now().plusSeconds(1));

		var other = api("dev-acme-key").get(path);
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.contentType()).startsWith("application/problem+json");
		assertThat(api("dev-operator-key").get(path + "?agency=demo").status()).isEqualTo(200);
		var ranked = api("dev-demo-key").get("/api/v1/scores?decision=PURSUE&limit=500").json().get("scores");
		assertThat(ranked.values())
			.anySatisfy((score) -> assertThat(score.get("jobKey").asString()).isEqualTo(listing.jobKey()));
		assertThat(api("dev-acme-key").get("/api/v1/scores?limit=500").json().get("scores").values())
			.noneSatisfy((score) -> assertThat(score.get("jobKey").asString()).isEqualTo(listing.jobKey()));
	}

	@Test
	void offsetPagesThroughTheRankingWithoutRepeatingOrSkipping() {
		String agency = newAgency();
		List<ListingIngested> events = List
			.of(TestListings.expertKafkaJob(uniqueId(), Instant.now()),
					TestListings.expertKafkaJob(uniqueId(), Instant.now()),
					TestListings.dataEntryJob(uniqueId(), Instant.now()))
			.stream()
			.map((listing) -> ingested(agency, listing, 1))
			.toList();
		events.forEach(this::publish);
		events.forEach((event) -> awaitScored(event, 1));
		BidstreamApi operator = api("dev-operator-key");
		List<String> whole = operator.get("/api/v1/scores?agency=" + agency + "&limit=10")
			.json()
			.get("scores")
			.valueStream()
			.map((score) -> score.get("jobKey").asString())
			.toList();

		List<String> paged = new java.util.ArrayList<>();
		for (int offset = 0; offset < 4; offset++) {
			operator.get("/api/v1/scores?agency=" + agency + "&limit=1&offset=" + offset)
				.json()
				.get("scores")
				.forEach((score) -> paged.add(score.get("jobKey").asString()));
		}

		assertThat(whole).hasSize(3);
		assertThat(paged).containsExactlyElementsOf(whole);
	}

	@Test
	void aProfileChangeIsANewVersionAndScoresLaterListings() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		assertThat(operator.get("/api/v1/profile").json().get("version").asInt()).isEqualTo(1);

		var changed = operator.put("/api/v1/profile",
				"{\"weights\": {\"budget\": 0.5}, \"thresholds\": {\"pursue\": 95, \"review\": 90}}");
		var invalid = operator.put("/api/v1/profile",
				"{\"weights\": {\"budget\": -1}, \"thresholds\": {\"pursue\": 10}}");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("version").asInt()).isEqualTo(2);
		assertThat(changed.json().at("/weights/budget").asDouble()).isEqualTo(0.5);
		assertThat(changed.json().at("/weights/freshness").asDouble()).isEqualTo(0.1);
		assertThat(operator.put("/api/v1/profile", "{}").json().get("version").asInt()).as("no change").isEqualTo(2);
		assertThat(operator.put("/api/v1/profile", "{\"thresholds\": {\"pursue\": 95, \"review\": 90}}")
			.json()
			.get("version")
			.asInt()).as("the values it has").isEqualTo(2);
		assertThat(operator.get("/api/v1/profile").json().get("version").asInt()).isEqualTo(2);
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").values()).extracting((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("weights.budget", "thresholds.pursue");
		assertThat(operator.get("/api/v1/profile").json().get("version").asInt()).isEqualTo(2);

		ListingIngested event = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		publish(event);

		ListingScored scored = awaitScored(event, 1).get(0);
		assertThat(scored.signals().get(0).weight()).isEqualTo(0.5);
		assertThat(scored.decision()).isEqualTo(Decision.SKIP);
	}

	@Test
	void theRosterIsKeptPerAgencyAndEachListingScoredAfterAChangeIsMatchedAgainstIt() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);

		var created = operator.put("/api/v1/freelancers/fl-ana", """
				{"name": "Ana", "skills": ["Java", "Spring Boot", "Kafka"],
				 "proof": ["Kafka pipeline for a fintech"], "hourlyRate": 70, "capacity": 5, "active": true}
				""");
		var changed = operator.put("/api/v1/freelancers/fl-ana", "{\"hourlyRate\": 75}");
		var invalid = operator.put("/api/v1/freelancers/fl-bo",
				"{\"skills\": \"Java\", \"hourlyRate\": -1, \"capacity\": 2.5, \"active\": \"yes\", \"rate\": 1}");
		var nameless = operator.put("/api/v1/freelancers/fl-cy", "{\"skills\": [\"Java\"]}");
		var badId = operator.put("/api/v1/freelancers/fl%20x", "{\"name\": \"X\"}");
		var hugeNegative = operator.put("/api/v1/freelancers/fl-neg",
				"{\"name\": \"N\", \"capacity\": -18446744073709551616}");

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("id").asString()).isEqualTo("fl-ana");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("hourlyRate").asInt()).isEqualTo(75);
		assertThat(changed.json().get("skills").values()).as("what a change leaves out is kept")
			.extracting(JsonNode::asString)
			.containsExactly("Java", "Spring Boot", "Kafka");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").values()).extracting((error) -> error.get("field").asString())
			.containsExactlyInAnyOrder("rate", "skills", "hourlyRate", "capacity", "active");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.json().at("/errors/0/field").asString()).isEqualTo("name");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(hugeNegative.status()).as("it wrapped around to 0").isEqualTo(400);
		assertThat(hugeNegative.json().at("/errors/0/field").asString()).isEqualTo("capacity");
		// two first PUTs of one freelancer at once: neither wipes the other's fields
		for (int i = 0; i < 10; i++) {
			String path = "/api/v1/freelancers/fl-race-" + i;
			var skills = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> operator.put(path, "{\"name\": \"A\", \"skills\": [\"Rust\"]}"));
			var capacity = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> operator.put(path, "{\"name\": \"B\", \"capacity\": 9}"));
			assertThat(List.of(skills.join().status(), capacity.join().status())).containsExactlyInAnyOrder(200, 201);
			JsonNode both = operator.get(path + "?agency=" + agency).json();
			assertThat(both.get("skills").toString()).as(both.toString()).isEqualTo("[\"Rust\"]");
			assertThat(both.get("capacity").asInt()).as(both.toString()).isEqualTo(9);
		}
		assertThat(operator.get("/api/v1/freelancers?agency=" + agency).json().get("freelancers").values())
			.extracting((freelancer) -> freelancer.get("id").asString())
			.startsWith("fl-ana")
			.doesNotContain("fl-bo", "fl-cy", "fl-neg");
		assertThat(api("dev-demo-key").get("/api/v1/freelancers").body()).doesNotContain("fl-ana");
		assertThat(api("dev-demo-key").get("/api/v1/freelancers/fl-ana").status()).isEqualTo(404);

		ListingIngested event = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		publish(event);
		awaitScored(event, 1);

		JsonNode score = operator.get("/api/v1/scores/" + event.jobKey() + "?agency=" + agency).json();
		assertThat(score.at("/matches/0/freelancerId").asString()).isEqualTo("fl-ana");
		assertThat(score.at("/matches/0/fit").asDouble()).as("(2 x 1 proven + 2 listed) / 6").isEqualTo(0.67);
		assertThat(score.at("/matches/0/reasons/0").asString()).isEqualTo("proven: Apache Kafka");
		assertThat(score.get("signals").values())
			.filteredOn((signal) -> signal.get("name").asString().equals("proofMatch"))
			.singleElement()
			.satisfies((signal) -> assertThat(signal.get("value").asDouble()).isEqualTo(0.67));
	}

	@Test
	void aRescoresTotalCountsTheListingsThatArrivedWhileItRanSoItNeverShowsMoreThanAllDone() {
		String agency = newAgency();
		List<ListingIngested> events = List.of(
				ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1),
				ingested(agency, TestListings.websiteJob(uniqueId(), Instant.now()), 1));
		events.forEach(this::publish);
		events.forEach((event) -> awaitScored(event, 1));
		UUID id = UUID.randomUUID();
		// as if the second listing arrived after the rescore counted the agency's
		// listings
		this.jdbc.update(
				"insert into rescores (id, agency_id, status, total, requested_at) values (?, ?, 'RUNNING', 1, now())",
				id, agency);

		JsonNode done = await().atMost(WAIT)
			.until(() -> operatorOf(agency).get("/api/v1/rescore/" + id + "?agency=" + agency).json(),
					(progress) -> progress.get("status").asString().equals("DONE"));

		assertThat(done.get("processed").asInt()).isEqualTo(2);
		assertThat(done.get("total").asInt()).as("was 1, then processed 2 of it").isEqualTo(2);
	}

	@Test
	void aRescoreScoresTheAgencysListingsAgainWithTheCurrentRosterAndPublishesOnlyWhatChanged() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		ListingIngested kafka = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		ListingIngested website = ingested(agency, TestListings.websiteJob(uniqueId(), Instant.now()), 1);
		publish(kafka);
		publish(website);
		awaitScored(kafka, 1);
		awaitScored(website, 1);
		assertThat(operator.get("/api/v1/rescore?agency=" + agency).status()).as("none asked for yet").isEqualTo(404);

		putAna(operator);
		var started = operator.post("/api/v1/rescore", "");

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().get("total").asInt()).isEqualTo(2);
		String id = started.json().get("rescoreId").asString();
		JsonNode done = await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/rescore/" + id + "?agency=" + agency).json(),
					(progress) -> progress.get("status").asString().equals("DONE"));
		assertThat(done.get("processed").asInt()).isEqualTo(2);
		assertThat(done.get("changed").asInt()).as("both proofMatch values moved from the neutral 0.5").isEqualTo(2);
		assertThat(awaitScored(kafka, 1)).hasSize(2)
			.satisfies((scores) -> assertThat(scores.get(0).rescored()).as("the first score").isNull())
			.last()
			.satisfies(
					(rescored) -> assertThat(rescored.rescored()).as("marked, so health leaves its wait out").isTrue())
			.satisfies((rescored) -> assertThat(rescored.signals())
				.filteredOn((signal) -> signal.name().equals("proofMatch"))
				.singleElement()
				.satisfies((signal) -> assertThat(signal.value()).isEqualTo(0.67)));
		assertThat(operator.get("/api/v1/scores/" + kafka.jobKey() + "?agency=" + agency)
			.json()
			.at("/matches/0/freelancerId")
			.asString()).isEqualTo("fl-ana");
		assertThat(api("dev-demo-key").get("/api/v1/rescore/" + id).status()).as("another agency's").isEqualTo(404);

		// nothing changed since: read again, published never
		var again = operator.post("/api/v1/rescore", "");
		String secondId = again.json().get("rescoreId").asString();
		JsonNode unchanged = await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/rescore?agency=" + agency).json(),
					(progress) -> progress.get("rescoreId").asString().equals(secondId)
							&& progress.get("status").asString().equals("DONE"));
		assertThat(unchanged.get("changed").asInt()).isZero();
		// reading the whole topic takes a while; the count must hold over the window
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(30))
			.until(() -> List.of(scoredNow(kafka.key()).size(), scoredNow(website.key()).size()),
					(counts) -> counts.equals(List.of(2, 2)));
	}

	@Test
	void aRescoreWithNothingChangedPublishesNothingThoughTheListingsFreshnessHasMovedSinceItWasScoredNorAfterAnEarlierRescore() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		// freshness moves with each whole minute since posting: posted 55 s ago, the
		// listing is scored "just now" and reads "1 minute ago" a few seconds later
		Instant posted = Instant.now().minusSeconds(55);
		Listing listing = TestListings.postedAt(TestListings.expertKafkaJob(uniqueId(), Instant.now()), posted);
		ListingIngested event = ingested(agency, listing, 1);
		publish(event);
		ListingScored scored = awaitScored(event, 1).get(0);
		String path = "/api/v1/scores/" + event.jobKey() + "?agency=" + agency;
		String scoredAt = operator.get(path).json().get("scoredAt").asString();
		long minutesOldWhenScored = Duration.between(posted, scored.occurredAt()).toMinutes();
		await().atMost(Duration.ofSeconds(90))
			.until(() -> Duration.between(posted, Instant.now()).toMinutes() > minutesOldWhenScored);
		assertThat(
				signal(ScoringModel.assess(listing, ScoringProfile.defaults(), Instant.now()).signals(), "freshness"))
			.as("scored now, its freshness would differ")
			.isNotEqualTo(signal(scored.signals(), "freshness"));

		JsonNode done = awaitRescoreEnded(operator, agency, operator.post("/api/v1/rescore", ""));

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("processed").asInt()).isEqualTo(1);
		assertThat(done.get("changed").asInt()).as("same profile, same roster, as of the first scoring").isZero();
		assertThat(operator.get(path).json().get("scoredAt").asString()).isEqualTo(scoredAt);
		assertPublishedStays(event.key(), 1);

		// a rescore that changes the score keeps the first scoring's time to assess as
		// of,
		// so the next one with nothing changed still changes nothing
		putAna(operator);
		JsonNode matched = awaitRescoreEnded(operator, agency, operator.post("/api/v1/rescore", ""));
		assertThat(matched.get("changed").asInt()).as(matched.toString()).isEqualTo(1);
		ListingScored rescored = awaitScoredTimes(event.key(), 2).get(1);
		assertThat(signal(rescored.signals(), "freshness")).as("still as of the first scoring")
			.isEqualTo(signal(scored.signals(), "freshness"));

		JsonNode again = awaitRescoreEnded(operator, agency, operator.post("/api/v1/rescore", ""));

		assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("DONE");
		assertThat(again.get("changed").asInt()).as("nothing changed since the last rescore").isZero();
		assertPublishedStays(event.key(), 2);
	}

	@Test
	void aRescoreStepsOverAStoredListingVersionThatNoLongerReadsAndStillRescoresTheAgencysOtherListings() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		ListingIngested kafka = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		ListingIngested unreadable = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		ListingIngested website = ingested(agency, TestListings.websiteJob(uniqueId(), Instant.now()), 1);
		List<ListingIngested> events = List.of(kafka, unreadable, website);
		events.forEach(this::publish);
		events.forEach((event) -> awaitScored(event, 1));
		// the contract moved on under a stored version: it no longer carries a listing
		assertThat(this.jdbc.update(
				"update scores set ingested = ingested - 'listing' where agency_id = ? and job_key = ?", agency,
				unreadable.jobKey()))
			.isEqualTo(1);
		putAna(operator);

		var started = operator.post("/api/v1/rescore", "");
		JsonNode done = awaitRescoreEnded(operator, agency, started);

		assertThat(started.json().get("total").asInt()).isEqualTo(3);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("processed").asInt()).isEqualTo(3);
		assertThat(done.get("changed").asInt()).as("both readable ones moved from the neutral proofMatch").isEqualTo(2);
		assertThat(awaitScoredTimes(kafka.key(), 2)).hasSize(2)
			.last()
			.satisfies((rescored) -> assertThat(signal(rescored.signals(), "proofMatch").value()).isEqualTo(0.67));
		assertThat(awaitScoredTimes(website.key(), 2)).hasSize(2);
		JsonNode kept = operator.get("/api/v1/scores/" + unreadable.jobKey() + "?agency=" + agency).json();
		assertThat(kept.get("matches").size()).as("scored before the roster, and not since").isZero();
		assertPublishedStays(unreadable.key(), 1);
	}

	@Test
	void aRescoreNeverOverwritesAScoreOfTheSameVersionStampedLaterThanItsOwn() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		ListingIngested raced = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		ListingIngested other = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		publish(raced);
		publish(other);
		awaitScored(raced, 1);
		awaitScored(other, 1);
		// the same version scored again after the rescore's own time, as when its write
		// races a later-stamped score
		Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		assertThat(this.jdbc.update("update scores set scored_at = ? where agency_id = ? and job_key = ?",
				java.sql.Timestamp.from(later), agency, raced.jobKey()))
			.isEqualTo(1);
		putAna(operator);

		JsonNode done = awaitRescoreEnded(operator, agency, operator.post("/api/v1/rescore", ""));

		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("processed").asInt()).isEqualTo(2);
		assertThat(done.get("changed").asInt()).as("only the score stamped before the rescore").isEqualTo(1);
		assertThat(awaitScoredTimes(other.key(), 2)).hasSize(2);
		JsonNode kept = operator.get("/api/v1/scores/" + raced.jobKey() + "?agency=" + agency).json();
		assertThat(Instant.parse(kept.get("scoredAt").asString())).isEqualTo(later);
		assertThat(kept.get("matches").size()).isZero();
		assertPublishedStays(raced.key(), 1);
	}

	@Test
	void calibrationFitsTheAgencysWeightsToItsOwnOutcomesAndAnAcceptMakesThemTheProfiles() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		JsonNode none = operator.get("/api/v1/profile/calibration?target=REPLIED&agency=" + agency).json();
		assertThat(none.get("status").asString()).isEqualTo("NOT_ENOUGH_DATA");
		assertThat(none.get("outcomes").asInt()).isZero();
		assertThat(none.at("/fitted/weights").size()).isEqualTo(8);
		assertThat(none.at("/heldOut/aucFitted").isNull()).isTrue();
		assertThat(operator.get("/api/v1/profile/calibration?target=OFFER&agency=" + agency).status()).isEqualTo(400);
		assertThat(operator.post("/api/v1/profile/calibration/accept?target=REPLIED", "").status()).isEqualTo(409);

		List<ListingIngested> listings = calibrationListings(agency);
		listings.forEach(this::publish);
		await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/scores?limit=500&agency=" + agency).json().get("scores").size(),
					(scored) -> scored == listings.size());
		publishRepliesToTheExpertJobsAndLosses(agency, listings);

		JsonNode ready = await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/profile/calibration?target=REPLIED&agency=" + agency).json(),
					(calibration) -> calibration.get("outcomes").asInt() == listings.size());
		assertThat(ready.get("status").asString()).isEqualTo("READY");
		assertThat(ready.get("positives").asInt()).isEqualTo(listings.size() / 2 + listings.size() % 2);
		assertThat(ready.at("/heldOut/aucFitted").asDouble()).as("the two kinds part cleanly").isEqualTo(1.0);
		double sum = 0;
		for (JsonNode weight : ready.at("/fitted/weights")) {
			assertThat(weight.asDouble()).isGreaterThanOrEqualTo(0);
			sum += weight.asDouble();
		}
		assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
		assertThat(operator.get("/api/v1/profile/calibration?target=HIRED&agency=" + agency)
			.json()
			.get("status")
			.asString()).as("nobody was hired").isEqualTo("NOT_ENOUGH_DATA");

		assertThat(none.get("fit").isNull()).as("no fit to name before READY").isTrue();
		String fit = ready.get("fit").asString();
		assertThat(fit).hasSize(16);
		var changed = operator.post("/api/v1/profile/calibration/accept?target=REPLIED&fit=0123456789abcdef", "");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
		assertThat(changed.json().get("type").asString()).endsWith("calibration-changed");
		assertThat(changed.json().get("detail").asString()).contains("0123456789abcdef", fit);
		assertThat(operator.get("/api/v1/profile?agency=" + agency).json().get("version").asInt()).as("nothing stored")
			.isEqualTo(1);

		var accepted = operator.post("/api/v1/profile/calibration/accept?target=REPLIED&fit=" + fit, "");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("version").asInt()).isEqualTo(2);
		assertThat(accepted.json().at("/weights/budget").asDouble())
			.isCloseTo(ready.at("/fitted/weights/budget").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
	}

	@Test
	void calibrationFitsOnTheSignalsOfTheScoreAProposalWasSentOnNotOnTheListingsLaterScore() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		String calibration = "/api/v1/profile/calibration?target=REPLIED&agency=" + agency;
		List<ListingIngested> listings = calibrationListings(agency);
		listings.forEach(this::publish);
		await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/scores?limit=500&agency=" + agency).json().get("scores").size(),
					(scored) -> scored == listings.size());
		publishRepliesToTheExpertJobsAndLosses(agency, listings);
		JsonNode proposedOn = await().atMost(WAIT)
			.until(() -> operator.get(calibration).json(), (fit) -> fit.get("outcomes").asInt() == listings.size());
		assertThat(proposedOn.get("status").asString()).isEqualTo("READY");

		// after the proposals: a roster whose proof tells the two kinds apart (someone
		// holding none of those pursuits), other weights, every score made again
		operator.put("/api/v1/freelancers/fl-kim",
				"{\"name\": \"Kim\", \"skills\": [\"Java\", \"Spring Boot\", \"Kafka\"], \"proof\": [\"Kafka pipeline for a fintech\"]}");
		operator.put("/api/v1/profile", "{\"weights\": {\"proofMatch\": 0.6, \"budget\": 0.05}}");
		JsonNode done = awaitRescoreEnded(operator, agency, operator.post("/api/v1/rescore", ""));
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
		assertThat(done.get("changed").asInt()).isEqualTo(listings.size());
		JsonNode expertNow = operator.get("/api/v1/scores/" + listings.get(0).jobKey() + "?agency=" + agency).json();
		assertThat(expertNow.get("signals").values())
			.filteredOn((signal) -> signal.get("name").asString().equals("proofMatch"))
			.singleElement()
			.satisfies((signal) -> assertThat(signal.get("value").asDouble()).isEqualTo(0.67));

		JsonNode refitted = operator.get(calibration).json();

		assertThat(refitted).as("the same outcomes, on the same features").isEqualTo(proposedOn);
	}

	@Test
	void aRosterHoldsAtMost500FreelancersAndOneOfThemStillChangesWhenItIsFull() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		List<Integer> created = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			created.add(operator.put("/api/v1/freelancers/fl-%03d".formatted(i), "{\"name\": \"F%d\"}".formatted(i))
				.status());
		}
		assertThat(created).hasSize(500).containsOnly(201);

		var full = operator.put("/api/v1/freelancers/fl-500", "{\"name\": \"One too many\"}");
		var changed = operator.put("/api/v1/freelancers/fl-000", "{\"hourlyRate\": 80, \"active\": false}");

		assertThat(full.status()).as(full.toString()).isEqualTo(409);
		assertThat(full.contentType()).startsWith("application/problem+json");
		assertThat(full.json().get("type").asString()).isEqualTo("https://bidstream.dev/problems/roster-full");
		assertThat(full.json().get("detail").asString()).contains("at most 500 freelancers");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().get("hourlyRate").asInt()).isEqualTo(80);
		assertThat(changed.json().get("active").asBoolean()).isFalse();
		assertThat(operator.get("/api/v1/freelancers/fl-500?agency=" + agency).status()).isEqualTo(404);
		assertThat(operator.get("/api/v1/freelancers?agency=" + agency).json().get("freelancers").size())
			.isEqualTo(500);
		assertThat(operator.put("/api/v1/freelancers/fl-501", "{\"name\": \"Still too many\"}").status())
			.as("an inactive freelancer still holds its place")
			.isEqualTo(409);
	}

	/**
	 * At least 60 listings, expert Kafka jobs and small website jobs in turn; one listing
	 * in five (by its jobKey's hash) is held out, so each kind has some there.
	 */
	static List<ListingIngested> calibrationListings(String agency) {
		List<ListingIngested> listings = new ArrayList<>();
		int[] heldOut = new int[2];
		while (listings.size() < 60 || heldOut[0] < 3 || heldOut[1] < 3) {
			boolean expert = listings.size() % 2 == 0;
			Listing listing = expert ? TestListings.expertKafkaJob(uniqueId(), Instant.now())
					: TestListings.websiteJob(uniqueId(), Instant.now());
			if (Math.floorMod(listing.jobKey().hashCode(), 5) == 0) {
				heldOut[expert ? 0 : 1]++;
			}
			listings.add(ingested(agency, listing, 1));
		}
		return listings;
	}

	/**
	 * A proposal went out for each of {@link #calibrationListings}: replies came to the
	 * expert Kafka jobs, losses to the small website jobs.
	 */
	void publishRepliesToTheExpertJobsAndLosses(String agency, List<ListingIngested> listings) {
		for (int i = 0; i < listings.size(); i++) {
			ListingIngested listing = listings.get(i);
			boolean expert = i % 2 == 0;
			publishPursuit(agency, listing.jobKey(), PursuitAdvanced.Action.PROPOSAL_SENT,
					PursuitAdvanced.Stage.PROPOSED, null);
			publishPursuit(agency, listing.jobKey(),
					expert ? PursuitAdvanced.Action.REPLIED : PursuitAdvanced.Action.LOST,
					expert ? PursuitAdvanced.Stage.REPLIED : PursuitAdvanced.Stage.PROPOSED,
					expert ? null : PursuitAdvanced.Outcome.LOST);
		}
	}

	void publishPursuit(String agency, String jobKey, PursuitAdvanced.Action action, PursuitAdvanced.Stage stage,
			PursuitAdvanced.Outcome outcome) {
		publishPursuit(agency, jobKey, "fl-ana", action, stage, outcome, Instant.now());
	}

	void publishPursuit(String agency, String jobKey, String freelancerId, PursuitAdvanced.Action action,
			PursuitAdvanced.Stage stage, PursuitAdvanced.Outcome outcome, Instant recordedAt) {
		PursuitAdvanced event = new PursuitAdvanced(UUID.randomUUID(), recordedAt, agency, jobKey,
				PursuitAdvanced.SCHEMA_VERSION, action, stage, outcome, freelancerId, null, null, null,
				(outcome != null) ? PursuitAdvanced.LossReason.PRICE : null, recordedAt);
		kafka().send(Topics.PURSUITS_EVENTS, event.key(), EventCodec.toBytes(event));
	}

	@Test
	void aFreelancerHoldingTheirCapacityInOpenPursuitsIsNotMatchedUntilOneEnds() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		operator.put("/api/v1/freelancers/fl-ana", """
				{"name": "Ana", "skills": ["Java", "Spring Boot", "Kafka"],
				 "proof": ["Kafka pipeline for a fintech"], "hourlyRate": 70, "capacity": 2}
				""");
		Instant claimedAt = Instant.now();
		publishPursuit(agency, "upwork:~held-1", "fl-ana", PursuitAdvanced.Action.CLAIM, PursuitAdvanced.Stage.CLAIMED,
				null, claimedAt);
		publishPursuit(agency, "upwork:~held-2", "fl-ana", PursuitAdvanced.Action.PROPOSAL_SENT,
				PursuitAdvanced.Stage.PROPOSED, null, claimedAt);
		// someone else's pursuit, and a released one, hold nothing of Ana's
		publishPursuit(agency, "upwork:~held-3", "fl-bo", PursuitAdvanced.Action.CLAIM, PursuitAdvanced.Stage.CLAIMED,
				null, claimedAt);
		publishPursuit(agency, "upwork:~held-4", "fl-ana", PursuitAdvanced.Action.RELEASE, PursuitAdvanced.Stage.QUEUED,
				null, claimedAt);
		// who an event names is who acted, not who holds: neither of these moves a
		// pursuit
		publishPursuit(agency, "upwork:~held-2", "fl-bo", PursuitAdvanced.Action.VIEWED, PursuitAdvanced.Stage.VIEWED,
				null, claimedAt.plusMillis(1));
		publishPursuit(agency, "upwork:~held-6", "fl-ana", PursuitAdvanced.Action.REPLIED,
				PursuitAdvanced.Stage.REPLIED, null, claimedAt);
		// nor does a claim on a listing closed on the marketplace hold anyone
		ListingIngested closed = ingested(agency,
				TestListings.closed(TestListings.expertKafkaJob(uniqueId(), Instant.now()),
						new Listing.Closed(Listing.ClosedResult.HIRED, Instant.now())),
				1);
		publish(closed);
		awaitScored(closed, 1);
		publishPursuit(agency, closed.jobKey(), "fl-ana", PursuitAdvanced.Action.CLAIM, PursuitAdvanced.Stage.CLAIMED,
				null, claimedAt);
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject("select count(*) from pursuit_holders where agency_id = ?",
					Integer.class, agency), (rows) -> rows == 6);
		assertThat(this.jdbc.queryForObject(
				"select freelancer_id from pursuit_holders where agency_id = ? and job_key = 'upwork:~held-2'",
				String.class, agency))
			.isEqualTo("fl-ana");
		assertThat(this.jdbc.queryForObject(
				"select open from pursuit_holders where agency_id = ? and job_key = 'upwork:~held-6'", Boolean.class,
				agency))
			.isFalse();
		assertThat(operator.get("/api/v1/freelancers/fl-ana?agency=" + agency).json().get("openPursuits").asInt())
			.as("held-1, held-2; not the closed listing's")
			.isEqualTo(2);

		ListingIngested whileFull = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		publish(whileFull);
		ListingScored full = awaitScored(whileFull, 1).get(0);

		JsonNode fullScore = operator.get("/api/v1/scores/" + whileFull.jobKey() + "?agency=" + agency).json();
		assertThat(fullScore.get("matches").size()).as(fullScore.toString()).isZero();
		assertThat(signal(full.signals(), "proofMatch").value()).as("half of 4/6").isEqualTo(0.33);
		assertThat(signal(full.signals(), "proofMatch").reason()).contains("fl-ana fits")
			.endsWith("holds 2 open pursuits of a capacity of 2");

		// a late copy of the claim, recorded before the loss, does not open it again
		publishPursuit(agency, "upwork:~held-1", "fl-ana", PursuitAdvanced.Action.LOST, PursuitAdvanced.Stage.CLAIMED,
				PursuitAdvanced.Outcome.LOST, claimedAt.plusSeconds(1));
		publishPursuit(agency, "upwork:~held-1", "fl-ana", PursuitAdvanced.Action.CLAIM, PursuitAdvanced.Stage.CLAIMED,
				null, claimedAt.minusSeconds(1));
		await().atMost(WAIT)
			.until(() -> operator.get("/api/v1/freelancers/fl-ana?agency=" + agency).json().get("openPursuits").asInt(),
					(open) -> open == 1);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(20))
			.until(() -> operator.get("/api/v1/freelancers/fl-ana?agency=" + agency).json().get("openPursuits").asInt(),
					(open) -> open == 1);
		ListingIngested withRoom = ingested(agency, TestListings.expertKafkaJob(uniqueId(), Instant.now()), 1);
		publish(withRoom);
		ListingScored room = awaitScored(withRoom, 1).get(0);

		assertThat(signal(room.signals(), "proofMatch").value()).isEqualTo(0.67);
		assertThat(operator.get("/api/v1/scores/" + withRoom.jobKey() + "?agency=" + agency)
			.json()
			.at("/matches/0/freelancerId")
			.asString()).isEqualTo("fl-ana");

		// a pursuit claimed for someone before they are on the roster counts from the
		// start
		publishPursuit(agency, "upwork:~held-5", "fl-cy", PursuitAdvanced.Action.CLAIM, PursuitAdvanced.Stage.CLAIMED,
				null, Instant.now());
		await().atMost(WAIT)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from pursuit_holders where agency_id = ? and freelancer_id = 'fl-cy' and open",
					Integer.class, agency), (open) -> open == 1);
		var cy = operator.put("/api/v1/freelancers/fl-cy", "{\"name\": \"Cy\", \"capacity\": 1}");
		assertThat(cy.status()).isEqualTo(201);
		assertThat(cy.json().get("openPursuits").asInt()).as(cy.toString()).isEqualTo(1);
	}

	@Test
	void aRosterPutWaitsForAnotherChangeOfTheRosterAtMostFiveSecondsThenAnswersBusy() throws Exception {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);
		try (java.sql.Connection holder = this.jdbc.getDataSource().getConnection()) {
			holder.setAutoCommit(false);
			try (java.sql.PreparedStatement lock = holder
				.prepareStatement("select pg_advisory_xact_lock(hashtextextended('roster|' || ?, 0))")) {
				lock.setString(1, agency);
				lock.executeQuery().close();
			}
			var waited = operator.put("/api/v1/freelancers/fl-ana", "{\"name\": \"Ana\"}");

			assertThat(waited.status()).as(waited.toString()).isEqualTo(503);
			assertThat(waited.json().get("type").asString()).endsWith("/database-busy");
			holder.rollback();
		}
		assertThat(operator.put("/api/v1/freelancers/fl-ana", "{\"name\": \"Ana\"}").status()).isEqualTo(201);
	}

	@Test
	void newFreelancersPutAtOnceNeverTakeARosterPastItsCap() throws Exception {
		for (int round = 0; round < 3; round++) {
			String agency = newAgency();
			BidstreamApi operator = operatorOf(agency);
			this.jdbc.update(
					"""
							insert into freelancers (agency_id, freelancer_id, name, skills, proof, capacity, active, updated_at)
							select ?, 'fl-' || n, 'F' || n, '[]', '[]', 5, true, now() from generate_series(1, 498) n
							""",
					agency);
			java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(16);
			java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
			List<java.util.concurrent.Future<Integer>> puts = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				String path = "/api/v1/freelancers/fl-new-" + i;
				puts.add(threads.submit(() -> {
					go.await();
					return operator.put(path, "{\"name\": \"New\"}").status();
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (java.util.concurrent.Future<Integer> put : puts) {
				statuses.add(put.get());
			}
			threads.shutdown();

			assertThat(statuses).as("round " + round).filteredOn((status) -> status == 201).hasSize(2);
			assertThat(statuses).as("round " + round).filteredOn((status) -> status == 409).hasSize(14);
			assertThat(this.jdbc.queryForObject("select count(*) from freelancers where agency_id = ?", Integer.class,
					agency))
				.isEqualTo(500);
		}
	}

	@Test
	void aRedFlagTermWithANulIsRejectedNamingItAndChangesNothing() {
		String agency = newAgency();
		BidstreamApi operator = operatorOf(agency);

		var nul = operator.put("/api/v1/profile", "{\"redFlagTerms\": [\"telegram\", \"pay\\u0000outside\"]}");

		assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
		assertThat(nul.json().get("errors").values()).extracting((error) -> error.get("field").asString())
			.containsExactly("redFlagTerms[1]");
		// a lone surrogate was stored as "?", a term then found in every question
		var loneSurrogate = operator.put("/api/v1/profile", "{\"redFlagTerms\": [\"\\ud800\"]}");
		assertThat(loneSurrogate.status()).as(loneSurrogate.toString()).isEqualTo(400);
		assertThat(loneSurrogate.json().at("/errors/0/field").asString()).isEqualTo("redFlagTerms[0]");
		assertThat(operator.get("/api/v1/profile").json().get("version").asInt()).isEqualTo(1);
	}

	@Test
	void aPathNoEndpointServesIsNamedInTheApisWords() {
		var nothing = operatorOf(newAgency()).get("/api/v1/nothing");

		assertThat(nothing.status()).as(nothing.toString()).isEqualTo(404);
		assertThat(nothing.json().at("/type").asString()).endsWith("/not-found");
		assertThat(nothing.json().at("/detail").asString()).isEqualTo("Nothing is served at GET /api/v1/nothing");
	}

	@Test
	void aBodyOfTheWrongShapeNamesWhereAndWhatItMustBe() {
		BidstreamApi operator = operatorOf(newAgency());

		var array = operator.put("/api/v1/profile", "[1]");
		assertThat(array.status()).as(array.toString()).isEqualTo(400);
		assertThat(array.json().at("/type").asString()).endsWith("/malformed-body");
		assertThat(array.json().at("/detail").asString()).contains("not of the shape");
		assertThat(array.json().at("/errors/0/field").asString()).isEqualTo("$");
		assertThat(array.json().at("/errors/0/message").asString()).isEqualTo("must be a JSON object");
		var broken = operator.put("/api/v1/freelancers/fl-1", "{\"name\": ");
		assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
		assertThat(broken.json().at("/detail").asString()).isEqualTo("The request body is not readable JSON");
		assertThat(broken.json().has("errors")).isFalse();
	}

	/**
	 * The Grafana dashboard of docker-compose.yml queries only
	 * {@code bidstream_scoring_*} metrics this service serves (reporting-service's
	 * DashboardMetricsTests checks the rest).
	 */
	@Test
	void everyMetricTheDashboardQueriesOfScoringIsScraped() {
		Set<String> queried = DashboardQueries.metrics(DashboardQueries.DASHBOARD)
			.stream()
			.filter((name) -> name.startsWith("bidstream_scoring_"))
			.collect(Collectors.toSet());

		Set<String> scraped = DashboardQueries.sampleNames(api(null).get("/actuator/prometheus").body());

		assertThat(queried).isNotEmpty().allSatisfy((name) -> assertThat(scraped).as(name).contains(name));
	}

}
