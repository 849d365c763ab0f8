package com.bidstream.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.DashboardQueries;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.BidstreamApi.Response;
import com.bidstream.testsupport.TopicReader;
import com.bidstream.testsupport.TopicReader.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest service through its public API and the records it publishes, on a real
 * broker and database (provided by the concrete subclasses).
 */
abstract class IngestIntegrationTests {

	static final Duration PUBLISHED = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@Test
	void aPostedListingIsPublishedAsVersionOneKeyedByAgencyAndJobKey() {
		String externalId = uniqueId();

		Response response = api("dev-demo-key").post("/api/v1/listings", TestListings.listing(externalId, 12));

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		assertThat(response.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(response.json().get("duplicates").asInt()).isZero();
		assertThat(response.json().get("rejected").isEmpty()).isTrue();
		Message record = awaitPublished("demo", "upwork:" + externalId, 1).get(0);
		assertThat(record.key()).isEqualTo("demo|upwork:" + externalId);
		assertThat(record.headers()).containsEntry("type", "ListingIngested");
		ListingIngested event = decode(record);
		assertThat(event.agencyId()).isEqualTo("demo");
		assertThat(event.jobKey()).isEqualTo("upwork:" + externalId);
		assertThat(event.version()).isEqualTo(1);
		assertThat(event.schemaVersion()).isEqualTo(ListingIngested.SCHEMA_VERSION);
		assertThat(event.firstIngestedAt()).isEqualTo(event.occurredAt()).isBefore(Instant.now().plusSeconds(1));
		assertThat(event.listing().title()).isEqualTo("Spring Boot engineer for a Kafka pipeline");
		assertThat(event.listing().budget().amount()).isEqualByComparingTo("4000");
		assertThat(event.listing().proposals()).isEqualTo(12);
		assertThat(event.listing().postedAt()).isEqualTo(Instant.parse("2026-11-22T09:15:00Z"));
		assertThat(record.value()).contains("\"type\":\"ListingIngested\"", "\"occurredAt\":\"");
	}

	@Test
	void theSameContentAgainIsADuplicateAndChangedContentIsTheNextVersion() {
		String externalId = uniqueId();
		BidstreamApi demo = api("dev-demo-key");

		Response first = demo.post("/api/v1/listings", TestListings.listing(externalId, 12));
		Response again = demo.post("/api/v1/listings", TestListings.listing(externalId, 12));
		Response changed = demo.post("/api/v1/listings", TestListings.listing(externalId, 13));

		assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(again.json().get("accepted").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(1);
		assertThat(changed.json().get("accepted").asInt()).isEqualTo(1);
		// one key, one partition: a re-emitted duplicate would sit between version 1 and
		// 2
		List<ListingIngested> events = awaitPublished("demo", "upwork:" + externalId, 2).stream()
			.map(IngestIntegrationTests::decode)
			.toList();
		assertThat(events).extracting(ListingIngested::version).containsExactly(1, 2);
		assertThat(events.get(1).listing().proposals()).isEqualTo(13);
		assertThat(events.get(1).firstIngestedAt()).isEqualTo(events.get(0).firstIngestedAt());
		assertThat(events.get(1).occurredAt()).isAfter(events.get(0).occurredAt());
	}

	@Test
	void aBatchAcceptsItsGoodItemsAndRejectsTheBadOnesByFieldPath() {
		String good = uniqueId();
		String other = uniqueId();
		String bad = TestListings.listing(uniqueId(), 1)
			.replace("\"proposals\": 1", "\"proposals\": \"abc\"")
			.replace("\"amount\": 4000", "\"amount\": -5")
			.replace("\"rating\": 4.9", "\"rating\": \"high\"");
		String batch = "[" + String.join(",", TestListings.listing(good, 1), bad, TestListings.listing(other, 1),
				TestListings.listing(good, 1), "42") + "]";

		Response response = api("dev-demo-key").post("/api/v1/listings", batch);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		JsonNode body = response.json();
		assertThat(body.get("accepted").asInt()).isEqualTo(2);
		assertThat(body.get("duplicates").asInt()).isEqualTo(1);
		assertThat(body.get("rejected")).hasSize(2);
		assertThat(body.at("/rejected/0/index").asInt()).isEqualTo(1);
		assertThat(fields(body.at("/rejected/0/errors"))).containsExactlyInAnyOrder("proposals", "budget.amount",
				"client.rating");
		assertThat(body.at("/rejected/1/index").asInt()).isEqualTo(4);
		assertThat(awaitPublished("demo", "upwork:" + other, 1)).hasSize(1);
		assertThat(awaitPublished("demo", "upwork:" + good, 1)).hasSize(1);
		assertThat(published("demo", "upwork:" + good)).as("the repeat in the batch was not emitted").hasSize(1);
	}

	@Test
	void twoAgenciesPostingTheSameJobKeyAreIndependent() {
		String externalId = uniqueId();

		Response demo = api("dev-demo-key").post("/api/v1/listings", TestListings.listing(externalId, 5));
		Response acme = api("dev-acme-key").post("/api/v1/listings", TestListings.listing(externalId, 5));

		assertThat(demo.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(acme.json().get("accepted").asInt()).as("not a duplicate of demo's").isEqualTo(1);
		assertThat(decode(awaitPublished("demo", "upwork:" + externalId, 1).get(0)).version()).isEqualTo(1);
		assertThat(decode(awaitPublished("acme", "upwork:" + externalId, 1).get(0)).version()).isEqualTo(1);
	}

	@Test
	void anOperatorKeyWritesOnlyForTheAgencyNamedInXAgencyId() {
		String externalId = uniqueId();
		String agency = "ops-" + externalId.substring(1, 9).toLowerCase();

		Response withoutAgency = api("dev-operator-key").post("/api/v1/listings", TestListings.listing(externalId, 1));
		Response withAgency = api("dev-operator-key").withHeader("X-Agency-Id", agency)
			.post("/api/v1/listings", TestListings.listing(externalId, 1));

		assertThat(withoutAgency.status()).isEqualTo(400);
		assertThat(withoutAgency.contentType()).startsWith("application/problem+json");
		assertThat(withoutAgency.json().get("type").asString()).endsWith("/missing-agency");
		assertThat(withAgency.status()).isEqualTo(202);
		assertThat(withAgency.json().get("accepted").asInt()).isEqualTo(1);
		ListingIngested event = decode(awaitPublished(agency, "upwork:" + externalId, 1).get(0));
		assertThat(event.agencyId()).isEqualTo(agency);
		assertThat(event.version()).as("the operator's earlier refused post wrote nothing").isEqualTo(1);
	}

	@Test
	void aRefusedRequestWritesAndPublishesNothing() {
		String refused = uniqueId();
		String marker = uniqueId();
		String item = TestListings.listing(refused, 1);

		Response truncated = api("dev-demo-key").post("/api/v1/listings", "[" + item + ",");
		Response scalar = api("dev-demo-key").post("/api/v1/listings", "\"" + item + "\"");
		Response tooMany = api("dev-demo-key").post("/api/v1/listings",
				"[" + String.join(",", java.util.Collections.nCopies(1_001, item)) + "]");
		Response noKey = api(null).post("/api/v1/listings", item);
		api("dev-demo-key").post("/api/v1/listings", TestListings.listing(marker, 1));

		assertThat(List.of(truncated, scalar, tooMany, noKey)).extracting(Response::status)
			.containsExactly(400, 400, 413, 401);
		assertThat(List.of(truncated, scalar, tooMany, noKey)).allSatisfy((response) -> {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception", "tools.jackson", "com.bidstream");
		});
		awaitPublished("demo", "upwork:" + marker, 1);
		assertThat(published("demo", "upwork:" + refused)).isEmpty();
		Response later = api("dev-demo-key").post("/api/v1/listings", item);
		assertThat(later.json().get("accepted").asInt()).as("the refused requests recorded no version").isEqualTo(1);
	}

	@Test
	void anItemTooLargeToPublishOrUnstorableDownstreamIsRejectedByFieldAndNotPublished() {
		String longUrl = uniqueId();
		String nul = uniqueId();
		String surrogate = uniqueId();
		String good = uniqueId();
		String batch = "[" + String.join(",",
				TestListings.listing(longUrl, 1)
					.replace("jobs/" + longUrl + "\"", "jobs/" + longUrl + "?q=" + "u".repeat(2 * 1024 * 1024) + "\""),
				TestListings.listing(nul, 1).replace("\"Spring Boot engineer", "\"Spring\\u0000Boot engineer"),
				TestListings.listing(surrogate, 1).replace("We need ...", "We need \\ud800 ..."),
				TestListings.listing(good, 1)) + "]";

		Response response = api("dev-demo-key").post("/api/v1/listings", batch);

		assertThat(response.status()).as(response.toString()).isEqualTo(202);
		JsonNode body = response.json();
		assertThat(body.get("accepted").asInt()).isEqualTo(1);
		assertThat(body.get("rejected")).hasSize(3);
		assertThat(fields(body.at("/rejected/0/errors"))).containsExactly("url");
		assertThat(fields(body.at("/rejected/1/errors"))).containsExactly("title");
		assertThat(body.at("/rejected/1/errors/0/message").asString()).isEqualTo("contains a NUL character");
		assertThat(fields(body.at("/rejected/2/errors"))).containsExactly("description");
		assertThat(body.at("/rejected/2/errors/0/message").asString()).isEqualTo("is not valid Unicode");
		awaitPublished("demo", "upwork:" + good, 1);
		assertThat(List.of(longUrl, nul, surrogate))
			.allSatisfy((externalId) -> assertThat(published("demo", "upwork:" + externalId)).as(externalId).isEmpty());
	}

	@Test
	void aBodyOver10MibIsAReadable413ProblemEveryTime() {
		String huge = "[" + TestListings.listing(uniqueId(), 1).replace("We need ...", "d".repeat(11 * 1024 * 1024))
				+ "]";

		for (int attempt = 1; attempt <= 3; attempt++) {
			Response response = api("dev-demo-key").post("/api/v1/listings", huge);

			assertThat(response.status()).as("attempt %d: %s", attempt, response).isEqualTo(413);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("type").asString()).endsWith("/payload-too-large");
			assertThat(response.json().get("detail").asString()).contains("10 MiB");
		}
	}

	@Test
	void listingsTakeABodyOfUpTo10MibWhereOtherEndpointsTakeOne() {
		String padding = " ".repeat(3 * 1024 * 1024);
		Response listings = api("dev-demo-key").post("/api/v1/listings",
				"[" + TestListings.listing(uniqueId(), 1) + padding + "]");
		Response feed = api("dev-demo-key").post("/api/v1/feeds", "{\"type\": \"rss\"" + padding + "}");

		assertThat(listings.status()).as(listings.toString()).isEqualTo(202);
		assertThat(listings.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(feed.status()).as(feed.toString()).isEqualTo(413);
		assertThat(feed.json().get("detail").asString()).contains("1 MiB");
	}

	@Test
	void aThousandListingsAreAcceptedInOneRequestAndEachPublishedOnce() {
		String prefix = uniqueId();
		String batch = IntStream.range(0, 1_000)
			.mapToObj((i) -> TestListings.listing(prefix + "-" + i, i))
			.collect(Collectors.joining(",", "[", "]"));

		Response first = api("dev-acme-key").post("/api/v1/listings", batch);
		Response again = api("dev-acme-key").post("/api/v1/listings", batch);
		Response changed = api("dev-acme-key").post("/api/v1/listings",
				batch.replace("\"proposals\": ", "\"proposals\": 1"));

		assertThat(first.json().get("accepted").asInt()).as(first.toString()).isEqualTo(1_000);
		assertThat(again.json().get("accepted").asInt()).isZero();
		assertThat(again.json().get("duplicates").asInt()).isEqualTo(1_000);
		assertThat(changed.json().get("accepted").asInt()).as("every listing changed").isEqualTo(1_000);
		await().atMost(PUBLISHED)
			.until(() -> kafka().readAll(Topics.LISTINGS_INGESTED)
				.stream()
				.filter((m) -> m.key().startsWith("acme|upwork:" + prefix + "-"))
				.count() == 2_000);
	}

	@Test
	void concurrentPostsOfTheSameListingRecordItOnce() {
		String externalId = uniqueId();
		String body = TestListings.listing(externalId, 3);

		List<Response> responses = IntStream.range(0, 4)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> api("dev-demo-key").post("/api/v1/listings", body)))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();
		api("dev-demo-key").post("/api/v1/listings", TestListings.listing(externalId, 4));

		assertThat(responses).extracting((r) -> r.json().get("accepted").asInt()).containsOnly(0, 1).contains(1);
		assertThat(responses.stream().mapToInt((r) -> r.json().get("accepted").asInt()).sum()).isEqualTo(1);
		assertThat(responses.stream().mapToInt((r) -> r.json().get("duplicates").asInt()).sum()).isEqualTo(3);
		assertThat(awaitPublished("demo", "upwork:" + externalId, 2)).extracting((m) -> decode(m).version())
			.containsExactly(1, 2);
	}

	@Test
	void theOpenApiDocumentAndTheMetricsDescribeTheIntake() {
		api("dev-demo-key").post("/api/v1/listings", "[{\"source\": \"Bad Source\"}]");

		String apiDocs = api(null).get("/v3/api-docs").body();
		String metrics = api(null).get("/actuator/prometheus").body();

		assertThat(apiDocs).contains("/api/v1/listings", "Ingest one listing").doesNotContain("actingAgencyId");
		assertThat(metrics).contains("bidstream_ingest_listings_total").containsPattern("result=\"rejected\"");
		assertThat(metrics.lines()
			.filter((line) -> line.startsWith("bidstream_ingest_listings_total"))
			.filter((line) -> line.contains("result=\"rejected\""))).singleElement()
			.satisfies((line) -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.isGreaterThanOrEqualTo(1.0));
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	TopicReader kafka() {
		return new TopicReader(this.kafkaBootstrapServers);
	}

	List<Message> published(String agency, String jobKey) {
		return kafka().readAll(Topics.LISTINGS_INGESTED)
			.stream()
			.filter((m) -> Topics.key(agency, jobKey).equals(m.key()))
			.toList();
	}

	List<Message> awaitPublished(String agency, String jobKey, int count) {
		return await().atMost(PUBLISHED).until(() -> published(agency, jobKey), (found) -> found.size() >= count);
	}

	static ListingIngested decode(Message record) {
		return EventCodec.read(record.value().getBytes(StandardCharsets.UTF_8), ListingIngested.class);
	}

	static List<String> fields(JsonNode errors) {
		return errors.valueStream().map((error) -> error.get("field").asString()).toList();
	}

	static String uniqueId() {
		return "~" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	/**
	 * The Grafana dashboard of docker-compose.yml queries only {@code bidstream_ingest_*}
	 * metrics this service serves (reporting-service's DashboardMetricsTests checks the
	 * rest).
	 */
	@Test
	void everyMetricTheDashboardQueriesOfIngestIsScraped() {
		Set<String> queried = DashboardQueries.metrics(DashboardQueries.DASHBOARD)
			.stream()
			.filter((name) -> name.startsWith("bidstream_ingest_"))
			.collect(Collectors.toSet());
		api("dev-demo-key").post("/api/v1/listings", "[{\"source\": \"Bad Source\"}]");

		Set<String> scraped = DashboardQueries.sampleNames(api(null).get("/actuator/prometheus").body());

		assertThat(queried).isNotEmpty().allSatisfy((name) -> assertThat(scraped).as(name).contains(name));
	}

}
