package com.bidstream.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.BidstreamApi.Response;
import com.bidstream.testsupport.TopicReader;
import com.bidstream.testsupport.TopicReader.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ways in besides {@code POST /api/v1/listings} (imports, feeds, webhooks) and the
 * request limits, through the public API and the records published.
 */
abstract class IntakeSourcesIntegrationTests {

	static final FeedStub STUB = FeedStub.start();

	static final Duration PUBLISHED = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@Value("${bidstream.ingest.imports.spool-dir:${java.io.tmpdir}/bidstream-ingest-imports}")
	Path spoolDir;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCsvImportRunsThroughTheIntakeAndReportsEachRejectedRecordByTheLineItStartsOn() {
		String a = uniqueId();
		String b = uniqueId();
		String csv = "\uFEFFsource,externalId,title,postedAt,skills,budget.type,budget.amount,client.paymentVerified\r\n"
				+ "upwork," + a + ",\"Kafka, Spring\",2026-11-22T09:15:00Z,Java;Kafka,FIXED,4000,true\r\n" + "upwork,"
				+ b + ",\"Two\nlines\",2026-11-22T09:15:00Z,,MONTHLY,,\r\n" + "upwork," + a
				+ ",\"Kafka, Spring\",2026-11-22T09:15:00Z,Java;Kafka,FIXED,4000,true\r\n"
				+ "upwork,,No id,2026-11-22T09:15:00Z,,FIXED,lots,\r\n";

		Response started = api("dev-demo-key").send("POST", "/api/v1/imports", "text/csv", csv);

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().get("status").asString()).isEqualTo("RUNNING");
		JsonNode done = awaitImport("dev-demo-key", started.json().get("importId").asString());
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("total").asLong()).isEqualTo(4);
		assertThat(done.get("processed").asLong()).isEqualTo(4);
		assertThat(done.get("accepted").asLong()).isEqualTo(1);
		assertThat(done.get("duplicates").asLong()).isEqualTo(1);
		assertThat(done.get("rejected").asLong()).isEqualTo(2);
		assertThat(done.at("/errors/0/line").asLong()).isEqualTo(3);
		assertThat(fields(done.at("/errors/0/errors"))).containsExactly("budget.type");
		assertThat(done.at("/errors/1/line").asLong()).as("after a quoted line break").isEqualTo(6);
		assertThat(fields(done.at("/errors/1/errors"))).containsExactlyInAnyOrder("externalId", "budget.amount");
		ListingIngested event = decode(awaitPublished("demo", "upwork:" + a, 1).get(0));
		assertThat(event.listing().skills()).containsExactly("Java", "Kafka");
		assertThat(event.listing().client().paymentVerified()).isTrue();
		assertThat(event.listing().budget().amount()).isEqualByComparingTo("4000");
	}

	@Test
	void anNdjsonImportBelongsToItsAgency() {
		String a = uniqueId();
		String ndjson = TestListings.listing(a, 1).replace("\n", " ") + "\n\n{not json\n"
				+ TestListings.listing(a, 2).replace("\n", " ") + "\n";

		Response started = api("dev-acme-key").send("POST", "/api/v1/imports", "application/x-ndjson", ndjson);
		String id = started.json().get("importId").asString();
		JsonNode done = awaitImport("dev-acme-key", id);

		assertThat(done.get("accepted").asLong()).isEqualTo(2);
		assertThat(done.get("rejected").asLong()).isEqualTo(1);
		assertThat(done.at("/errors/0/line").asLong()).isEqualTo(3);
		assertThat(done.at("/errors/0/errors/0/message").asString()).isEqualTo("is not readable JSON");
		assertThat(api("dev-demo-key").get("/api/v1/imports/" + id).status()).isEqualTo(404);
		assertThat(api("dev-acme-key").get("/api/v1/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(awaitPublished("acme", "upwork:" + a, 2)).extracting((m) -> decode(m).version())
			.containsExactly(1, 2);
	}

	/**
	 * The walkthrough's file: a Latin-1 "é" sent with no charset was stored as U+FFFD.
	 * Read as UTF-8 it is no text, so its record is rejected naming the line and column;
	 * declared, it is read in that charset; a charset nobody knows is refused.
	 */
	@Test
	void aRunningImportIsCancelledKeepsWhatItImportedAndIsListedWithTheAgencysImports() throws Exception {
		String prefix = uniqueId();
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; i < 100_000; i++) {
			ndjson.append("{\"source\": \"upwork\", \"externalId\": \"")
				.append(prefix)
				.append('-')
				.append(i)
				.append("\", \"title\": \"Cancelled import ")
				.append(i)
				.append("\", \"postedAt\": \"2026-11-27T18:00:00Z\"}\n");
		}
		String id = postImport("application/x-ndjson", ndjson.toString().getBytes(StandardCharsets.UTF_8)).json()
			.get("importId")
			.asString();

		// the worker has started: the cancel must stop it, not merely keep it from
		// starting
		await().atMost(PUBLISHED)
			.until(() -> api("dev-demo-key").get("/api/v1/imports/" + id).json().get("processed").asLong() > 0);

		Response cancelled = api("dev-demo-key").send("DELETE", "/api/v1/imports/" + id, "application/json", "");

		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		long processed = await().atMost(PUBLISHED)
			.during(Duration.ofSeconds(3))
			.until(() -> api("dev-demo-key").get("/api/v1/imports/" + id).json().get("processed").asLong(),
					new org.hamcrest.BaseMatcher<Long>() {

						private Long last;

						@Override
						public boolean matches(Object actual) {
							// the same figure poll after poll: the worker has stopped
							boolean same = actual.equals(this.last);
							this.last = (Long) actual;
							return same;
						}

						@Override
						public void describeTo(org.hamcrest.Description description) {
							description.appendText("processed no longer growing");
						}

					});
		JsonNode after = api("dev-demo-key").get("/api/v1/imports/" + id).json();
		assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(processed).as("stopped before the end").isLessThan(100_000);
		assertThat(after.get("accepted").asLong()).isEqualTo(processed);
		assertThat(api("dev-demo-key").send("DELETE", "/api/v1/imports/" + id, "application/json", "").status())
			.as("nothing left to cancel")
			.isEqualTo(409);
		assertThat(api("dev-acme-key").send("DELETE", "/api/v1/imports/" + id, "application/json", "").status())
			.isEqualTo(404);
		JsonNode listed = api("dev-demo-key").get("/api/v1/imports?limit=200").json().get("imports");
		assertThat(listed.valueStream().filter((i) -> i.get("importId").asString().equals(id)).toList()).singleElement()
			.satisfies((i) -> assertThat(i.get("status").asString()).isEqualTo("CANCELLED"))
			.satisfies((i) -> assertThat(i.has("errors")).isFalse());
		assertThat(api("dev-acme-key").get("/api/v1/imports").body()).doesNotContain(id);
		assertThat(api("dev-demo-key").get("/api/v1/imports?limit=0").status()).isEqualTo(400);
	}

	@Test
	void anImportThatHoldsNoRecordsIsABadRequest() throws Exception {
		for (var empty : Map
			.of("text/csv", "", "application/x-ndjson", "\n\n", "text/csv; charset=UTF-8",
					"source,externalId,title,postedAt\n\n", "text/csv; charset=utf-8",
					"source,externalId,title,postedAt,,\n,,,,,\n")
			.entrySet()) {
			Response response = postImport(empty.getKey(), empty.getValue().getBytes(StandardCharsets.UTF_8));

			assertThat(response.status()).as(empty.toString()).isEqualTo(400);
			assertThat(response.json().get("detail").asString()).as(empty.toString())
				.startsWith("The import holds no records: the file is empty");
		}
	}

	@Test
	void aCsvImportIsReadInTheCharsetItsContentTypeDeclaresAndBytesThatAreNoTextThereRejectTheirRecord()
			throws Exception {
		String a = uniqueId();
		String b = uniqueId();
		String csv = "source,externalId,title,postedAt\n" + "upwork,%s,caf\u00E9 csv,2026-11-27T18:00:00Z\n";
		byte[] latin1 = csv.formatted(a).getBytes(StandardCharsets.ISO_8859_1);

		JsonNode undeclared = awaitImport("dev-demo-key",
				postImport("text/csv", latin1).json().get("importId").asString());
		JsonNode declared = awaitImport("dev-demo-key",
				postImport("text/csv; charset=ISO-8859-1", latin1).json().get("importId").asString());
		JsonNode utf16 = awaitImport("dev-demo-key",
				postImport("text/csv; charset=UTF-16LE",
						("\uFEFF" + csv.formatted(b)).getBytes(StandardCharsets.UTF_16LE))
					.json()
					.get("importId")
					.asString());
		Response unknown = postImport("text/csv; charset=klingon", latin1);

		assertThat(undeclared.get("status").asString()).isEqualTo("DONE");
		assertThat(undeclared.get("accepted").asLong()).isZero();
		assertThat(undeclared.get("rejected").asLong()).isEqualTo(1);
		assertThat(undeclared.at("/errors/0/line").asLong()).isEqualTo(2);
		assertThat(undeclared.at("/errors/0/errors/0/field").asString()).isEqualTo("title");
		assertThat(undeclared.at("/errors/0/errors/0/message").asString())
			.startsWith("is not readable CSV: the column title holds bytes that are not text in the import's charset");
		assertThat(declared.get("accepted").asLong()).as(declared.toString()).isEqualTo(1);
		assertThat(utf16.get("accepted").asLong()).as(utf16.toString()).isEqualTo(1);
		assertThat(decode(awaitPublished("demo", "upwork:" + a, 1).get(0)).listing().title())
			.isEqualTo("caf\u00E9 csv");
		assertThat(decode(awaitPublished("demo", "upwork:" + b, 1).get(0)).listing().title())
			.isEqualTo("caf\u00E9 csv");
		assertThat(unknown.status()).isEqualTo(415);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("detail").asString())
			.startsWith("The charset in Content-Type is not one this service knows");
	}

	Response postImport(String contentType, byte[] body) throws Exception {
		var response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/imports"))
				.header("X-Api-Key", "dev-demo-key")
				.header("Content-Type", contentType)
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.body(),
				response.headers().firstValue("Content-Type").orElse(null));
	}

	@Test
	void anImportOfAnotherMediaTypeIsRefused() {
		Response response = api("dev-demo-key").send("POST", "/api/v1/imports", "application/xml", "<a/>");

		assertThat(response.status()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anImportLeftRunningByAStoppedInstanceResumesAfterItsLastCommittedChunk() throws Exception {
		String done = uniqueId();
		String rest1 = uniqueId();
		String rest2 = uniqueId();
		String first = TestListings.listing(done, 1).replace("\n", " ") + "\n";
		String ndjson = first + TestListings.listing(rest1, 1).replace("\n", " ") + "\n"
				+ TestListings.listing(rest2, 1).replace("\n", " ") + "\n";
		UUID id = UUID.randomUUID();
		Path spool = Files.createDirectories(this.spoolDir).resolve(id + ".ndjson");
		Files.writeString(spool, ndjson);
		// as a killed instance leaves it: the first record committed, its lease running
		// out
		this.jdbc
			.update("""
					insert into imports (id, agency_id, format, status, spool_path, total, processed, accepted,
					    resume_offset, resume_line, owner, lease_until, created_at)
					values (?, 'demo', 'NDJSON', 'RUNNING', ?, 3, 1, 1, ?, 2, 'gone', now() - interval '1 second', now())""",
					id, spool.toString(), first.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

		JsonNode resumed = awaitImport("dev-demo-key", id.toString());

		assertThat(resumed.get("status").asString()).isEqualTo("DONE");
		assertThat(resumed.get("processed").asLong()).isEqualTo(3);
		assertThat(resumed.get("accepted").asLong()).isEqualTo(3);
		awaitPublished("demo", "upwork:" + rest2, 1);
		awaitPublished("demo", "upwork:" + rest1, 1);
		assertThat(published("demo", "upwork:" + done)).as("the committed chunk is not taken again").isEmpty();
		assertThat(spool).doesNotExist();
	}

	@Test
	void feedsOfEveryTypeArePolledAndABadFeedIsMarkedFailingWithBackOffWhileTheOthersGoOn() throws Exception {
		String ciphertext = "01" + uniqueId().substring(1, 15);
		String atomId = uniqueId().substring(1);
		String unnamedAtomId = uniqueId().substring(1);
		String graphqlId = uniqueId();
		String jsonId = uniqueId().substring(1);
		STUB.answer("/rss", 200, "application/rss+xml",
				com.bidstream.ingest.feeds.FeedPayloads.upworkRss(ciphertext, ciphertext + "b"));
		STUB.answer("/atom", 200, "application/atom+xml", com.bidstream.ingest.feeds.FeedPayloads.atom(atomId));
		STUB.answer("/atom-unnamed", 200, "application/atom+xml",
				com.bidstream.ingest.feeds.FeedPayloads.atom(unnamedAtomId));
		STUB.answer("/graphql", 200, "application/json",
				com.bidstream.ingest.feeds.FeedPayloads.upworkGraphql(graphqlId));
		STUB.answer("/json", 200, "application/json", "{\"items\": [{\"externalId\": \"" + jsonId
				+ "\", \"title\": \"From JSON\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]}");
		STUB.answer("/500", 500, "text/plain", "boom");
		STUB.answer("/401", 401, "application/json", "{\"message\": \"invalid token\"}");
		STUB.answer("/bad-xml", 200, "application/rss+xml", "<rss><channel><item><title>x</title>");
		STUB.answer("/bad-json", 200, "application/json", "{\"items\": [");
		STUB.answer("/empty", 200, "application/rss+xml", "<rss version=\"2.0\"><channel></channel></rss>");
		STUB.answer("/huge", 200, "application/json", "[" + "{\"title\": \"x\"},".repeat(40_000) + "{}]");
		STUB.answerSlowly("/slow", 5_000);
		BidstreamApi agency = api("dev-acme-key");

		String rss = createFeed(agency,
				"{\"type\": \"rss\", \"url\": \"" + STUB.url("/rss") + "\", \"pollSeconds\": 60}");
		String atom = createFeed(agency,
				"{\"type\": \"rss\", \"source\": \"jobsite\", \"url\": \"" + STUB.url("/atom") + "\"}");
		Response unnamed = agency.post("/api/v1/feeds",
				"{\"type\": \"rss\", \"url\": \"" + STUB.url("/atom-unnamed") + "\"}");
		assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(201);
		assertThat(unnamed.json().get("source").asString()).as("named after its host").isEqualTo("127-0-0-1");
		String graphql = createFeed(agency, "{\"type\": \"upwork-graphql\", \"url\": \"" + STUB.url("/graphql")
				+ "\", \"query\": \"kafka\", \"token\": \"secret-token\"}");
		String json = createFeed(agency,
				"{\"type\": \"json-url\", \"source\": \"scanner\", \"url\": \"" + STUB.url("/json") + "\"}");
		List<String> failing = List.of(
				createFeed(agency,
						"{\"type\": \"json-url\", \"source\": \"s\", \"url\": \"" + STUB.url("/500") + "\"}"),
				createFeed(agency,
						"{\"type\": \"upwork-graphql\", \"url\": \"" + STUB.url("/401")
								+ "\", \"token\": \"expired\"}"),
				createFeed(agency, "{\"type\": \"rss\", \"source\": \"s\", \"url\": \"" + STUB.url("/bad-xml") + "\"}"),
				createFeed(agency,
						"{\"type\": \"json-url\", \"source\": \"s\", \"url\": \"" + STUB.url("/bad-json") + "\"}"),
				createFeed(agency,
						"{\"type\": \"json-url\", \"source\": \"s\", \"url\": \"" + STUB.url("/huge") + "\"}"),
				createFeed(agency,
						"{\"type\": \"json-url\", \"source\": \"s\", \"url\": \"" + STUB.url("/slow") + "\"}"));
		String empty = createFeed(agency,
				"{\"type\": \"rss\", \"source\": \"s\", \"url\": \"" + STUB.url("/empty") + "\"}");

		await().atMost(PUBLISHED).untilAsserted(() -> {
			Map<String, JsonNode> feeds = feeds(agency);
			assertThat(List.of(rss, atom, graphql, json, empty))
				.allSatisfy((id) -> assertThat(feeds.get(id).get("status").asString()).as(id).isEqualTo("OK"));
			assertThat(failing)
				.allSatisfy((id) -> assertThat(feeds.get(id).get("status").asString()).as(id).isEqualTo("FAILING"));
		});
		Map<String, JsonNode> feeds = feeds(agency);
		assertThat(feeds.get(rss).get("listingsFound").asLong()).isEqualTo(2);
		assertThat(feeds.get(graphql).get("listingsFound").asLong()).isEqualTo(2);
		assertThat(feeds.get(graphql).has("token")).isFalse();
		assertThat(feeds.get(graphql).get("hasToken").asBoolean()).isTrue();
		assertThat(this.jdbc.queryForObject("select token from feeds where id = ?::uuid", String.class, graphql))
			.as("sealed at rest, opened for the poll below")
			.startsWith("v1:")
			.doesNotContain("secret-token");
		assertThat(feeds.get(empty).get("listingsFound").asLong()).isZero();
		assertThat(failing).extracting((id) -> feeds.get(id).get("lastError").asString())
			.containsExactly("The source answered HTTP 500", "The source answered HTTP 401 (is the token still valid?)",
					"The feed is not well-formed XML", "The answer is not readable JSON",
					"The source's answer is larger than the 262144 bytes a feed may send at once",
					"The source did not answer in time");
		assertThat(failing).allSatisfy((id) -> assertThat(Instant.parse(feeds.get(id).get("nextPollAt").asString()))
			.isAfter(Instant.now().plusSeconds(20)));
		assertThat(decode(awaitPublished("acme", "upwork:~" + ciphertext, 1).get(0)).listing().budget().amount())
			.isEqualByComparingTo("4000");
		assertThat(decode(awaitPublished("acme", "upwork:" + graphqlId, 1).get(0)).listing().client().totalSpent())
			.isEqualByComparingTo("250000.5");
		awaitPublished("acme", "jobsite:urn:uuid:" + atomId, 1);
		awaitPublished("acme", "127-0-0-1:urn:uuid:" + unnamedAtomId, 1);
		awaitPublished("acme", "scanner:" + jsonId, 1);
		assertThat(STUB.requests).filteredOn((r) -> r.path().equals("/graphql")).first().satisfies((r) -> {
			assertThat(r.authorization()).isEqualTo("Bearer secret-token");
			assertThat(r.body()).contains("marketplaceJobPostingsSearch", "RECENCY").doesNotContain("pagination_eq");
		});
		assertThat(api("dev-demo-key").get("/api/v1/feeds").json().valueStream().map((f) -> f.get("id").asString()))
			.doesNotContain(rss);
		assertThat(api("dev-demo-key").send("DELETE", "/api/v1/feeds/" + rss, "application/json", "").status())
			.isEqualTo(404);
		assertThat(agency.send("DELETE", "/api/v1/feeds/" + rss, "application/json", "").status()).isEqualTo(204);
		assertThat(feeds(agency)).doesNotContainKey(rss);
	}

	@Test
	void aStoredFeedLeasedByAnotherInstanceIsLeftAloneUntilItsLeaseRunsOutThenPolledHere() {
		String jsonId = uniqueId().substring(1);
		String path = "/restarted-" + jsonId;
		STUB.answer(path, 200, "application/json", "[{\"externalId\": \"" + jsonId
				+ "\", \"title\": \"Stored feed\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]");
		UUID id = UUID.randomUUID();
		// as the feeds table holds it across a restart: due since a minute, and claimed
		// by
		// another instance (or one killed mid-poll) for 3 more seconds
		this.jdbc.update(
				"""
						insert into feeds (id, agency_id, type, source, url, poll_seconds, created_at, next_poll_at, lease_until)
						values (?, 'acme', 'json-url', 'stored', ?, 300, now() - interval '1 hour', now() - interval '1 minute',
						        now() + interval '3 seconds')""",
				id, STUB.url(path));

		await().during(Duration.ofMillis(2_000))
			.atMost(Duration.ofMillis(2_600))
			.untilAsserted(() -> assertThat(STUB.requests).noneMatch((r) -> r.path().equals(path)));
		awaitPublished("acme", "stored:" + jsonId, 1);
		JsonNode feed = feeds(api("dev-acme-key")).get(id.toString());
		assertThat(feed.get("status").asString()).isEqualTo("OK");
		assertThat(feed.get("listingsFound").asLong()).isEqualTo(1);
		assertThat(STUB.requests).filteredOn((r) -> r.path().equals(path)).hasSize(1);
	}

	@Test
	void aFailingFeedIsPolledAtOnceWhenAskedAfterItsSourceIsFixed() {
		String path = "/fixable-" + uniqueId();
		STUB.answer(path, 500, "text/plain", "down");
		BidstreamApi agency = api("dev-demo-key");
		String id = createFeed(agency, "{\"type\": \"json-url\", \"source\": \"fixable\", \"url\": \"" + STUB.url(path)
				+ "\", \"pollSeconds\": 3600}");
		await().atMost(PUBLISHED).until(() -> "FAILING".equals(feeds(agency).get(id).get("status").asString()));
		assertThat(feeds(agency, "/api/v1/feeds?status=FAILING")).containsKey(id)
			.allSatisfy((feedId, feed) -> assertThat(feed.get("status").asString()).isEqualTo("FAILING"));
		assertThat(feeds(agency, "/api/v1/feeds?status=failing")).as("in any letter case").containsKey(id);
		assertThat(agency.get("/api/v1/feeds?status=BROKEN").json().at("/errors/0/field").asString())
			.isEqualTo("status");
		String externalId = uniqueId();
		STUB.answer(path, 200, "application/json", "[{\"externalId\": \"" + externalId
				+ "\", \"title\": \"Fixed\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]");
		assertThat(Instant.parse(feeds(agency).get(id).get("nextPollAt").asString()))
			.as("the back-off's first wait is 30 s")
			.isAfter(Instant.now().plusSeconds(10));

		Response polled = agency.post("/api/v1/feeds/" + id + "/poll", "");

		assertThat(polled.status()).as(polled.toString()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(15)).until(() -> "OK".equals(feeds(agency).get(id).get("status").asString()));
		awaitPublished("demo", "fixable:" + externalId, 1);
		assertThat(api("dev-acme-key").post("/api/v1/feeds/" + id + "/poll", "").status()).as("another agency's feed")
			.isEqualTo(404);
		String webhook = createFeed(agency, "{\"type\": \"webhook\", \"source\": \"hooks\"}");
		assertThat(agency.post("/api/v1/feeds/" + webhook + "/poll", "").status()).isEqualTo(409);
	}

	@Test
	void aFeedWhoseEveryItemIsRejectedIsFailingAndOneThatTakesSomeIsNot() {
		// a walkthrough's mapping left out postedAt: "OK" with 0 listings, poll after
		// poll
		String path = "/rejected-" + uniqueId();
		STUB.answer(path, 200, "application/json",
				"[{\"externalId\": \"" + uniqueId() + "\", \"title\": \"No date\"}, {\"externalId\": \"" + uniqueId()
						+ "\", \"title\": \"No date either\"}]");
		BidstreamApi agency = api("dev-demo-key");
		String id = createFeed(agency, "{\"type\": \"json-url\", \"source\": \"undated\", \"url\": \"" + STUB.url(path)
				+ "\", \"pollSeconds\": 3600}");

		await().atMost(PUBLISHED).until(() -> "FAILING".equals(feeds(agency).get(id).get("status").asString()));
		assertThat(feeds(agency).get(id).get("lastError").asString())
			.isEqualTo("No item was taken: 2 of 2 items rejected; first, item 0: postedAt is required");

	}

	@Test
	void aPollAskedForWhileOneRunsFollowsItByTheMinimumGapInsteadOfBeingLostToItsSchedule() {
		String path = "/held-" + uniqueId();
		CountDownLatch release = new CountDownLatch(1);
		STUB.answerWhenReleased(path, release);
		BidstreamApi agency = api("dev-demo-key");
		String id = createFeed(agency, "{\"type\": \"json-url\", \"source\": \"held\", \"url\": \"" + STUB.url(path)
				+ "\", \"pollSeconds\": 3600}");
		await().atMost(PUBLISHED).pollInterval(Duration.ofMillis(20)).until(() -> STUB.requestsTo(path) == 1);

		// the first poll waits for its answer (the read timeout is 1 s)
		Response asked = agency.post("/api/v1/feeds/" + id + "/poll", "");
		release.countDown();

		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		await("polled again 1 s (the minimum gap) after the running poll, not an hour later")
			.atMost(Duration.ofSeconds(15))
			.until(() -> STUB.requestsTo(path) == 2);
		await("and then left to its schedule").during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> STUB.requestsTo(path) == 2);
	}

	@Test
	void aWebhookFeedTakesSignedPushesWithoutAnAgencyKey() throws Exception {
		Response created = api("dev-demo-key").post("/api/v1/feeds",
				"{\"type\": \"webhook\", \"source\": \"scanner\", \"mapping\": {\"items\": \"data.jobs\", \"fields\": {\"title\": \"name\"}}}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().get("id").asString();
		String secret = created.json().get("secret").asString();
		String externalId = uniqueId();
		String body = "{\"data\": {\"jobs\": [{\"externalId\": \"" + externalId
				+ "\", \"name\": \"Pushed\\u0007 job\\u0092s\", \"postedAt\": \"2026-11-20T10:00:00Z\"}, "
				+ "{\"externalId\": \"" + uniqueId() + "\", \"name\": \"Undated job\"}]}}";

		Response unsigned = webhook(id, body, null);
		Response forged = webhook(id, body, "sha256=" + "00".repeat(32));
		Response signed = webhook(id, body, signature(secret, body));

		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(webhook("nope", body, signature(secret, body)).status()).as("an id that is no UUID").isEqualTo(401);
		assertThat(webhook(UUID.randomUUID().toString(), body, signature(secret, body)).status()).as("no such feed")
			.isEqualTo(401);
		assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
		assertThat(signed.json().get("accepted").asInt()).isEqualTo(1);
		assertThat(signed.json().at("/rejected/0/index").asInt(-1)).as("named as POST /api/v1/listings names it")
			.isEqualTo(1);
		assertThat(signed.json().at("/rejected/0/errors/0/field").asString()).isEqualTo("postedAt");
		assertThat(signed.json().at("/rejected/0").has("position")).isFalse();
		assertThat(decode(awaitPublished("demo", "scanner:" + externalId, 1).get(0)).listing().title())
			.as("a feed's control characters dropped, a C1 one read as Windows-1252 (FeedText)")
			.isEqualTo("Pushed job\u2019s");
		assertThat(feeds(api("dev-demo-key")).get(id).get("lastError").asString())
			.as("the rejected item is kept on the feed, as a poll's are")
			.isEqualTo("1 of 2 items rejected; first, item 1: postedAt is required");
		assertThat(feeds(api("dev-demo-key")).get(id).get("status").asString())
			.as("a push taken with items rejected is no failure, as a poll's is not")
			.isEqualTo("PUSHED");
		String unreadable = "{\"data\": ";
		Response refused = webhook(id, unreadable, signature(secret, unreadable));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).as("what was sent is no answer")
			.isEqualTo("The body is not readable JSON");
		assertThat(feeds(api("dev-demo-key")).get(id).get("lastError").asString())
			.isEqualTo("A push was refused: The body is not readable JSON");
		assertThat(feeds(api("dev-demo-key")).get(id).get("status").asString())
			.as("a push refused whole fails the feed, so that the health report names it")
			.isEqualTo("FAILING");
		assertThat(api("dev-demo-key").get("/api/v1/feeds?status=FAILING").body()).contains(id);
		byte[] latin1 = "{\"data\": {\"jobs\": [{\"name\": \"caf\u00e9\"}]}}".getBytes(StandardCharsets.ISO_8859_1);
		var notUtf8 = signedBytes(id, secret, latin1, "application/json");
		assertThat(notUtf8.statusCode()).isEqualTo(400);
		assertThat(notUtf8.body()).as("a Latin-1 body sent without its charset is named so")
			.contains("The body is not valid UTF-8 (declare another charset in Content-Type if it is in one)");
		String latinId = uniqueId();
		byte[] declared = ("{\"data\": {\"jobs\": [{\"externalId\": \"" + latinId
				+ "\", \"name\": \"Caf\u00e9 app\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]}}")
			.getBytes(StandardCharsets.ISO_8859_1);
		var withCharset = signedBytes(id, secret, declared, "application/json; charset=ISO-8859-1");
		assertThat(withCharset.statusCode()).as("with its charset declared, as every body: " + withCharset.body())
			.isEqualTo(202);
		assertThat(decode(awaitPublished("demo", "scanner:" + latinId, 1).get(0)).listing().title())
			.isEqualTo("Caf\u00e9 app");
		String undated = "{\"data\": {\"jobs\": [{\"externalId\": \"" + uniqueId() + "\", \"name\": \"Undated\"}]}}";
		Response nothingTaken = webhook(id, undated, signature(secret, undated));
		assertThat(nothingTaken.status()).as("each item's errors answered as ever").isEqualTo(202);
		assertThat(feeds(api("dev-demo-key")).get(id).get("status").asString())
			.as("a push whose every item is rejected fails the feed")
			.isEqualTo("FAILING");
		assertThat(feeds(api("dev-demo-key")).get(id).get("lastError").asString())
			.isEqualTo("No item was taken: 1 of 1 items rejected; first, item 0: postedAt is required");
		String scannerMapped = "{\"data\": {\"jobs\": [{\"source\": \"manual\", \"externalId\": \"" + latinId
				+ "-other\", \"name\": \"Addressed elsewhere\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]}}";
		assertThat(webhook(id, scannerMapped, signature(secret, scannerMapped)).status()).isEqualTo(202);
		awaitPublished("demo", "scanner:" + latinId + "-other", 1);
		String clean = "{\"data\": {\"jobs\": [{\"externalId\": \"" + uniqueId()
				+ "\", \"name\": \"Clean\", \"postedAt\": \"2026-11-20T10:00:00Z\"}]}}";
		assertThat(webhook(id, clean, signature(secret, clean)).status()).isEqualTo(202);
		assertThat(feeds(api("dev-demo-key")).get(id).get("lastError")).as("a clean push clears it").isNull();
		assertThat(feeds(api("dev-demo-key")).get(id).get("status").asString()).isEqualTo("PUSHED");
		assertThat(api("dev-demo-key").get("/api/v1/feeds").body()).doesNotContain(secret);
		assertThat(this.jdbc.queryForObject("select secret from feeds where id = ?::uuid", String.class, id))
			.as("sealed at rest")
			.startsWith("v1:")
			.doesNotContain(secret);
		// over 10 MiB, of any type, with or without a length: refused by the platform's
		// bound
		byte[] huge = new byte[10 * 1024 * 1024 + 1];
		java.util.Arrays.fill(huge, (byte) ' ');
		var http = java.net.http.HttpClient.newHttpClient();
		for (boolean withLength : new boolean[] { true, false }) {
			var response = http.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/webhooks/" + id))
				.header("Content-Type", "text/plain")
				.header("X-Bidstream-Signature", signature(secret, new String(huge, StandardCharsets.UTF_8)))
				.POST(withLength ? java.net.http.HttpRequest.BodyPublishers.ofByteArray(huge)
						: java.net.http.HttpRequest.BodyPublishers
							.ofInputStream(() -> new java.io.ByteArrayInputStream(huge)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("length sent: %s", withLength).isEqualTo(413);
			assertThat(response.body()).contains("payload-too-large", "10 MiB");
		}
	}

	@Test
	void aFeedWithoutItsRequiredFieldsIsRefusedNamingTheField() {
		Response noUrl = api("dev-demo-key").post("/api/v1/feeds", "{\"type\": \"rss\", \"source\": \"x\"}");
		Response badType = api("dev-demo-key").post("/api/v1/feeds", "{\"type\": \"ftp\", \"url\": \"ftp://x\"}");
		Response badUrl = api("dev-demo-key").post("/api/v1/feeds",
				"{\"type\": \"rss\", \"url\": \"file:///etc/passwd\"}");

		assertThat(List.of(noUrl, badType, badUrl)).extracting(Response::status).containsOnly(400);
		assertThat(noUrl.json().at("/errors/0/field").asString()).isEqualTo("url");
		assertThat(badType.json().at("/errors/0/field").asString()).isEqualTo("type");
		assertThat(badUrl.json().at("/errors/0/field").asString()).isEqualTo("url");
		// each text field is bounded; a 900,000-character url was stored, listed and
		// polled
		Response longUrl = api("dev-demo-key").post("/api/v1/feeds",
				"{\"type\": \"rss\", \"url\": \"https://x.example/" + "a".repeat(2_100) + "\"}");
		Response longQuery = api("dev-demo-key").post("/api/v1/feeds",
				"{\"type\": \"upwork-graphql\", \"token\": \"t\", \"query\": \"" + "q".repeat(10_001) + "\"}");
		Response bigMapping = api("dev-demo-key").post("/api/v1/feeds",
				"{\"type\": \"webhook\", \"source\": \"s\", \"mapping\": {\"items\": \"" + "i".repeat(17_000) + "\"}}");
		assertThat(List.of(longUrl, longQuery, bigMapping)).extracting(Response::status).containsOnly(400);
		assertThat(longUrl.json().at("/errors/0/field").asString()).isEqualTo("url");
		assertThat(longQuery.json().at("/errors/0/field").asString()).isEqualTo("query");
		assertThat(bigMapping.json().at("/errors/0/field").asString()).isEqualTo("mapping");
	}

	@Test
	void anAgencyHasAtMost100FeedsAndDeletingOneMakesRoom() {
		String agency = "feeds-" + UUID.randomUUID().toString().substring(0, 8);
		var operator = api("dev-operator-key").withHeader("X-Agency-Id", agency);
		String webhook = "{\"type\": \"webhook\", \"source\": \"hooks\"}";
		List<String> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 100; i++) {
			Response created = operator.post("/api/v1/feeds", webhook);
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			ids.add(created.json().get("id").asString());
		}

		Response oneTooMany = operator.post("/api/v1/feeds", webhook);

		assertThat(oneTooMany.status()).as(oneTooMany.toString()).isEqualTo(409);
		assertThat(oneTooMany.json().get("type").asString()).endsWith("/feed-limit");
		assertThat(api("dev-operator-key").withHeader("X-Agency-Id", "other-" + agency.substring(6))
			.post("/api/v1/feeds", webhook)
			.status()).as("another agency's room is its own").isEqualTo(201);
		assertThat(operator.send("DELETE", "/api/v1/feeds/" + ids.get(0), "application/json", "").status())
			.isEqualTo(204);
		assertThat(operator.post("/api/v1/feeds", webhook).status()).isEqualTo(201);
	}

	@Test
	void anOperatorListsEveryAgencysFeedsOrOneAgencysByAgencyAndAMemberOnlyEverItsOwn() {
		String demoFeed = createFeed(api("dev-demo-key"), "{\"type\": \"webhook\", \"source\": \"scanner\"}");
		String acmeFeed = createFeed(api("dev-acme-key"), "{\"type\": \"webhook\", \"source\": \"scanner\"}");
		BidstreamApi operator = api("dev-operator-key");

		Map<String, JsonNode> all = feeds(operator, "/api/v1/feeds");
		Map<String, JsonNode> blank = feeds(operator, "/api/v1/feeds?agency=");
		Map<String, JsonNode> demo = feeds(operator, "/api/v1/feeds?agency=demo");
		Map<String, JsonNode> demoAsksForAcme = feeds(api("dev-demo-key"), "/api/v1/feeds?agency=acme");

		assertThat(all).containsKeys(demoFeed, acmeFeed);
		assertThat(all.get(demoFeed).get("agencyId").asString()).isEqualTo("demo");
		assertThat(all.get(acmeFeed).get("agencyId").asString()).isEqualTo("acme");
		assertThat(blank).as("a blank agency= is every agency").containsKeys(demoFeed, acmeFeed);
		assertThat(demo).containsKey(demoFeed).doesNotContainKey(acmeFeed);
		assertThat(demo.values()).allSatisfy((feed) -> assertThat(feed.get("agencyId").asString()).isEqualTo("demo"));
		assertThat(demoAsksForAcme).as("a member sees its own feeds whatever agency= says")
			.containsKey(demoFeed)
			.doesNotContainKey(acmeFeed);
		assertThat(demoAsksForAcme.values())
			.allSatisfy((feed) -> assertThat(feed.get("agencyId").asString()).isEqualTo("demo"));
	}

	@Test
	void anOperatorReadsAnImportOfTheAgencyItNamesAndAMemberOnlyItsOwn() {
		Response started = api("dev-demo-key").send("POST", "/api/v1/imports", "application/x-ndjson",
				TestListings.listing(uniqueId(), 1).replace("\n", " ") + "\n");
		String id = started.json().get("importId").asString();
		awaitImport("dev-demo-key", id);
		BidstreamApi operator = api("dev-operator-key");

		Response byParameter = operator.get("/api/v1/imports/" + id + "?agency=demo");
		Response byHeader = operator.withHeader("X-Agency-Id", "demo").get("/api/v1/imports/" + id);
		Response otherAgency = operator.get("/api/v1/imports/" + id + "?agency=acme");
		Response noAgency = operator.get("/api/v1/imports/" + id);
		Response memberAsksForDemo = api("dev-acme-key").get("/api/v1/imports/" + id + "?agency=demo");

		assertThat(byParameter.status()).as(byParameter.toString()).isEqualTo(200);
		assertThat(byParameter.json().get("status").asString()).isEqualTo("DONE");
		assertThat(byParameter.json().get("accepted").asLong()).isEqualTo(1);
		assertThat(byHeader.status()).as(byHeader.toString()).isEqualTo(200);
		assertThat(otherAgency.status()).isEqualTo(404);
		assertThat(noAgency.status()).isEqualTo(400);
		assertThat(memberAsksForDemo.status()).as("tenancy holds whatever agency= says").isEqualTo(404);
	}

	@Test
	void aFeedsPollSecondsIsAWholeNumberInItsRangeAndNeverAStringNamedAsTheFieldOtherwise() {
		BidstreamApi demo = api("dev-demo-key");
		String feed = "{\"type\": \"webhook\", \"source\": \"scanner\", \"pollSeconds\": %s}";

		Response huge = demo.post("/api/v1/feeds", feed.formatted("99999999999"));
		Response text = demo.post("/api/v1/feeds", feed.formatted("\"60\""));
		Response fraction = demo.post("/api/v1/feeds", feed.formatted("60.5"));
		Response infinite = demo.post("/api/v1/feeds", feed.formatted("1e400"));
		Response tooShort = demo.post("/api/v1/feeds", feed.formatted("29"));
		Response numericType = demo.post("/api/v1/feeds", "{\"type\": 5, \"source\": \"scanner\"}");

		assertThat(List.of(huge, text, fraction, infinite, tooShort, numericType)).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.json().get("errors")).hasSize(1);
		});
		assertThat(List.of(huge, text, fraction, infinite, tooShort)).allSatisfy(
				(response) -> assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("pollSeconds"));
		assertThat(huge.json().at("/errors/0/message").asString()).isEqualTo("must be between 30 and 86400");
		assertThat(infinite.json().at("/errors/0/message").asString()).isEqualTo("must be between 30 and 86400");
		assertThat(tooShort.json().at("/errors/0/message").asString()).isEqualTo("must be between 30 and 86400");
		assertThat(text.json().at("/errors/0/message").asString()).isEqualTo("must be a whole number");
		assertThat(fraction.json().at("/errors/0/message").asString()).isEqualTo("must be a whole number");
		assertThat(numericType.json().at("/errors/0/field").asString()).isEqualTo("type");
		assertThat(numericType.json().at("/errors/0/message").asString()).isEqualTo("must be a string");
		assertThat(demo.post("/api/v1/feeds", "[]").status()).isEqualTo(400);
		for (var mapping : Map
			.of("{\"items\": \"a\\u0000\"}", "mapping.items", "{\"fields\": {\"tit\\u0000le\": \"name\"}}",
					"mapping.fields")
			.entrySet()) {
			Response nul = demo.post("/api/v1/feeds",
					"{\"type\": \"webhook\", \"source\": \"scanner\", \"mapping\": " + mapping.getKey() + "}");
			assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
			assertThat(nul.json().at("/errors/0/field").asString()).isEqualTo(mapping.getValue());
			assertThat(nul.json().at("/errors/0/message").asString()).isEqualTo("contains a NUL character");
		}
		assertThat(demo.post("/api/v1/feeds", feed.formatted("60")).status()).isEqualTo(201);
	}

	String createFeed(BidstreamApi agency, String json) {
		Response response = agency.post("/api/v1/feeds", json);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.body()).doesNotContain("secret-token");
		return response.json().get("id").asString();
	}

	Map<String, JsonNode> feeds(BidstreamApi agency) {
		return feeds(agency, "/api/v1/feeds");
	}

	Map<String, JsonNode> feeds(BidstreamApi agency, String path) {
		Response response = agency.get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<String, JsonNode> feeds = new java.util.HashMap<>();
		response.json().forEach((feed) -> feeds.put(feed.get("id").asString(), feed));
		return feeds;
	}

	Response webhook(String id, String body, String signature) {
		BidstreamApi client = BidstreamApi.at("http://localhost:" + this.port, null);
		if (signature != null) {
			client = client.withHeader("X-Bidstream-Signature", signature);
		}
		return client.post("/api/v1/webhooks/" + id, body);
	}

	/** A push of these bytes, signed, with this Content-Type. */
	java.net.http.HttpResponse<String> signedBytes(String id, String secret, byte[] body, String contentType)
			throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/webhooks/" + id))
				.header("Content-Type", contentType)
				.header("X-Bidstream-Signature", signature(secret, body))
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	static String signature(String secret, String body) throws Exception {
		return signature(secret, body.getBytes(StandardCharsets.UTF_8));
	}

	static String signature(String secret, byte[] body) throws Exception {
		javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
	}

	JsonNode awaitImport(String key, String id) {
		return await().atMost(PUBLISHED)
			.until(() -> api(key).get("/api/v1/imports/" + id).json(),
					(progress) -> !"RUNNING".equals(progress.get("status").asString()));
	}

	BidstreamApi api(String key) {
		return BidstreamApi.at("http://localhost:" + this.port, key);
	}

	List<Message> published(String agency, String jobKey) {
		return new TopicReader(this.kafkaBootstrapServers).readAll(Topics.LISTINGS_INGESTED)
			.stream()
			.filter((m) -> Topics.key(agency, jobKey).equals(m.key()))
			.toList();
	}

	List<Message> awaitPublished(String agency, String jobKey, int count) {
		return await().atMost(PUBLISHED).until(() -> published(agency, jobKey), (found) -> found.size() >= count);
	}

	static ListingIngested decode(Message record) {
		return EventCodec.read(record.value().getBytes(java.nio.charset.StandardCharsets.UTF_8), ListingIngested.class);
	}

	static List<String> fields(JsonNode errors) {
		return errors.valueStream().map((error) -> error.get("field").asString()).toList();
	}

	static String uniqueId() {
		return "~" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

}
