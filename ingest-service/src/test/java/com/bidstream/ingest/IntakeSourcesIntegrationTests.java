package com.bidstream.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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
				+ b + ",\"Two\nlines\",2026-11-22T09:15:00Z,,HOURLY,,\r\n" + "upwork," + a
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
		assertThat(fields(done.at("/errors/0/errors"))).containsExactly("budget.min");
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
