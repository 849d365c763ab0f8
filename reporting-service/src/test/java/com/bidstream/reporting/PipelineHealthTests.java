package com.bidstream.reporting;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/reports/health} against the real broker and database. Run as a
 * nested class of {@link ReportingIntegrationTests}, so it shares that context. Each test
 * uses agencies of its own, or reads changes, never absolute broker-wide figures.
 */
abstract class PipelineHealthTests {

	static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	TopicReader kafka;

	ReportingEvents events;

	String tag;

	@BeforeEach
	void setUpHealth() {
		this.kafka = new TopicReader(this.kafkaBootstrapServers);
		this.events = new ReportingEvents(this.kafka);
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	JsonNode health(String key, String query) {
		var response = BidstreamApi.at("http://localhost:" + this.port, key)
			.get("/api/v1/reports/health" + (query.isEmpty() ? "" : "?" + query));
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static JsonNode stage(JsonNode report, String name) {
		for (JsonNode stage : report.get("stages")) {
			if (stage.get("name").asString().equals(name)) {
				return stage;
			}
		}
		throw new AssertionError("no stage " + name + " in " + report);
	}

	static List<String> sources(JsonNode report) {
		List<String> names = new ArrayList<>();
		report.get("sources").forEach((source) -> names.add(source.get("source").asString()));
		return names;
	}

	void awaitApplied(BidstreamEvent event) {
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from inbox where consumer = 'reporting' and event_id = ?", Integer.class,
					event.eventId()) == 1);
	}

	static ListingIngested ingested(String agency, String source, String jobKey, int version, Instant firstIngestedAt,
			Instant postedAt, Instant at) {
		Listing listing = new Listing(source, jobKey.substring(jobKey.indexOf(':') + 1), null, "Spring Boot engineer",
				"We need help", postedAt, "Web, Mobile & Software Dev", List.of("Java"), null, null, null, null, 12, 16,
				null, null);
		return new ListingIngested(UUID.randomUUID(), at, agency, jobKey, ListingIngested.SCHEMA_VERSION, version,
				firstIngestedAt, listing);
	}

	@Test
	void consumedEventsShowAsProcessedWithTheirLatestTimeLatencyAndSource() {
		String agency = "health-" + this.tag;
		String job = "upwork:~" + this.tag;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant firstIngest = now.minusSeconds(10);
		// ingest found version 1 4 s after it was posted (not a pipeline latency);
		// scoring
		// took 2 s for it
		ListingIngested first = ingested(agency, "upwork", job, 1, firstIngest, firstIngest.minusSeconds(4),
				firstIngest);
		this.events.publish(first);
		this.events.publish(score(agency, job, 1, "enterprise", firstIngest, null, firstIngest.plusSeconds(2)));
		// version 2 has no ingest time of its own on the score: the stored listing's is
		// used
		Instant secondIngest = now.minusSeconds(5);
		ListingIngested second = ingested(agency, "upwork", job, 2, firstIngest, firstIngest.minusSeconds(4),
				secondIngest);
		this.events.publish(second);
		awaitApplied(second);
		this.events.publish(score(agency, job, 2, "enterprise", firstIngest, null, secondIngest.plusMillis(500)));
		// tracking queued the score 300 ms after it
		Instant queuedAt = secondIngest.plusMillis(800);
		this.events.publish(new PursuitAdvanced(UUID.randomUUID(), secondIngest.plusMillis(500), agency, job,
				PursuitAdvanced.SCHEMA_VERSION, Action.QUEUE, Stage.QUEUED, null, null, null, null, null, null,
				queuedAt));

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode report = health("dev-operator-key", "agency=" + agency);
			assertThat(stage(report, "reporting").get("processed").asLong()).isEqualTo(5);
			assertThat(report.get("sources")).hasSize(1);
		});
		JsonNode report = health("dev-operator-key", "agency=" + agency);
		JsonNode ingest = stage(report, "ingest");
		assertThat(ingest.get("processed").asLong()).isEqualTo(2);
		assertThat(Instant.parse(ingest.get("lastEventAt").asString())).isEqualTo(secondIngest);
		assertThat(ingest.at("/latencyMs/p50").isNull()).as("latency starts at ingest").isTrue();
		assertThat(ingest.get("lag").isNull()).isTrue();
		JsonNode scoring = stage(report, "scoring");
		assertThat(scoring.get("processed").asLong()).isEqualTo(2);
		assertThat(Instant.parse(scoring.get("lastEventAt").asString())).isEqualTo(secondIngest.plusMillis(500));
		assertThat(scoring.at("/latencyMs/p50").asLong()).as("500 ms, bucket up to 512 ms").isEqualTo(512);
		assertThat(scoring.at("/latencyMs/p99").asLong()).as("2 s, bucket up to 2048 ms").isEqualTo(2048);
		assertThat(scoring.get("perMinute").asDouble()).isPositive();
		JsonNode tracking = stage(report, "tracking");
		assertThat(tracking.get("processed").asLong()).isEqualTo(1);
		assertThat(Instant.parse(tracking.get("lastEventAt").asString())).isEqualTo(queuedAt);
		assertThat(tracking.at("/latencyMs/p50").asLong()).as("300 ms, bucket up to 304 ms").isEqualTo(304);
		assertThat(stage(report, "reporting").at("/latencyMs/p99").isNull()).isFalse();
		JsonNode source = report.at("/sources/0");
		assertThat(source.get("source").asString()).isEqualTo("upwork");
		assertThat(Instant.parse(source.get("lastListingAt").asString())).isEqualTo(secondIngest);
		assertThat(source.get("listings24h").asLong()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from health_buckets where agency_id = ?", Integer.class,
				agency))
			.as("one row per stage, minute and topic at most")
			.isLessThanOrEqualTo(2 * 3 + 3 * 2);
	}

	@Test
	void aReScoreCountsAsProcessedButNotAsTheListingsWaitForScoring() {
		// a walkthrough's re-score showed scoring's p95 at 4 minutes: each listing's age
		String agency = "rescore-" + this.tag;
		String job = "upwork:~" + this.tag;
		Instant firstIngest = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(600);
		this.events.publish(ingested(agency, "upwork", job, 1, firstIngest, firstIngest, firstIngest));
		ListingScored first = score(agency, job, 1, "enterprise", firstIngest, null, firstIngest.plusSeconds(1));
		this.events.publish(first);
		awaitApplied(first);
		Instant rescoredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ListingScored again = new ListingScored(UUID.randomUUID(), rescoredAt, agency, job,
				ListingScored.SCHEMA_VERSION, 1, 40, ListingScored.Decision.SKIP, first.segment(), first.budgetBand(),
				first.aiWork(), first.aiExposure(), first.signals(), first.redFlags(), first.modelVersion(),
				first.source(), first.category(), first.skills(), first.postedAt(), first.firstIngestedAt(),
				first.closedResult(), first.estimatedValue(), first.proposals(), Boolean.TRUE);
		this.events.publish(again);

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					stage(health("dev-operator-key", "agency=" + agency), "scoring").get("processed").asLong())
				.isEqualTo(2));
		JsonNode scoring = stage(health("dev-operator-key", "agency=" + agency), "scoring");
		assertThat(scoring.at("/latencyMs/p99").asLong()).as("the first score's 1 s, bucket up to 1024 ms")
			.isEqualTo(1024);
		assertThat(Instant.parse(scoring.get("lastEventAt").asString())).isEqualTo(rescoredAt);
	}

	@Test
	void anEventOlderThanTheRetentionCountsForReportingButWritesNoBucketOfItsOwnMinute() {
		String agency = "health-old-" + this.tag;
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant longAgo = now.minus(Duration.ofDays(9));
		ListingIngested old = ingested(agency, "upwork", "upwork:~old" + this.tag, 1, longAgo, longAgo, longAgo);
		ListingIngested recent = ingested(agency, "upwork", "upwork:~new" + this.tag, 1, now, now, now);
		this.events.publish(old);
		this.events.publish(recent);
		awaitApplied(old);
		awaitApplied(recent);
		// both were applied, each in the transaction that wrote its buckets
		assertThat(this.jdbc.queryForList(
				"select distinct stage from health_buckets where agency_id = ? order by stage", String.class, agency))
			.as("the old event's ingest minute is past the 8 days kept; both count for reporting now")
			.containsExactly("ingest", "reporting");
		assertThat(this.jdbc.queryForObject(
				"select sum(processed) from health_buckets where agency_id = ? and stage = 'reporting'", Long.class,
				agency))
			.isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from health_buckets where agency_id = ? and minute < now() - interval '8 days'",
				Integer.class, agency))
			.isZero();
	}

	@Test
	void lagCountsWhatAGroupHasNotReadAndIsServedAsAMetric() {
		// scoring does not run in this context: all it would read is lag, and it grows
		String agency = "health-lag-" + this.tag;
		ListingIngested first = ingested(agency, "upwork", "upwork:~a" + this.tag, 1, Instant.now(), null,
				Instant.now());
		this.events.publish(first);
		awaitApplied(first);
		long[] before = new long[1];
		await().atMost(PATIENCE).untilAsserted(() -> {
			before[0] = lag("scoring");
			assertThat(before[0]).isPositive();
		});
		this.events.publish(ingested(agency, "upwork", "upwork:~b" + this.tag, 1, Instant.now(), null, Instant.now()));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(lag("scoring")).isGreaterThan(before[0]));
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(lag("reporting")).isZero());
		// a gauge holds what it reads weakly unless told otherwise: after a collection
		// (one that cleared a weakly held object) the lag must still read a number, not
		// NaN
		java.lang.ref.WeakReference<Object> weak = new java.lang.ref.WeakReference<>(new Object());
		await().atMost(PATIENCE).until(() -> {
			System.gc();
			return weak.get() == null;
		});
		var metrics = BidstreamApi.at("http://localhost:" + this.port, null).get("/actuator/prometheus").body();
		Matcher lag = Pattern
			.compile("bidstream_reporting_health_lag\\{application=\"reporting\",group=\"scoring\"\\} (\\S+)")
			.matcher(metrics);
		assertThat(lag.find()).as(metrics).isTrue();
		assertThat(Double.parseDouble(lag.group(1))).isGreaterThan(0);
		Matcher status = Pattern.compile("bidstream_reporting_health_status\\{[^}]*\\} (\\S+)").matcher(metrics);
		assertThat(status.find()).as(metrics).isTrue();
		assertThat(Double.parseDouble(status.group(1))).isBetween(0.0, 2.0);
		assertThat(metrics).contains("bidstream_reporting_health_status{")
			.contains("bidstream_reporting_health_stage_processed_total{")
			.contains("bidstream_reporting_health_dead_letters{")
			.contains("bidstream_reporting_health_stage_latency_milliseconds{");
	}

	@Test
	void scoringsLagCountsBothTopicsScoringReads() {
		// scoring reads pursuits.events too (its outcome calibration), and does not run
		// in
		// this context: the pursuit events are lag of its own
		long settled = settledLag("scoring");
		String agency = "health-topics-" + this.tag;
		List<PursuitAdvanced> pursuits = new ArrayList<>();
		for (int n = 0; n < 3; n++) {
			pursuits.add(ReportingEvents.pursuit(agency, "upwork:~t" + n + this.tag, Action.QUEUE, Stage.QUEUED,
					Instant.now()));
		}
		pursuits.forEach(this.events::publish);
		pursuits.forEach(this::awaitApplied);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(lag("scoring")).isEqualTo(settled + 3));
	}

	/** A stage's lag as the report reads it now: a number (null means not sampled). */
	long lag(String stage) {
		JsonNode lag = stage(health("dev-operator-key", ""), stage).get("lag");
		assertThat(lag.isNumber()).as("lag of %s: %s", stage, lag).isTrue();
		return lag.asLong();
	}

	/** A stage's lag once it has read the same for longer than a broker sample takes. */
	long settledLag(String stage) {
		long[] last = { -1 };
		long[] since = { System.nanoTime() };
		await().pollInterval(Duration.ofMillis(500)).atMost(PATIENCE).until(() -> {
			JsonNode lag = stage(health("dev-operator-key", ""), stage).get("lag");
			long now = lag.isNumber() ? lag.asLong() : -1;
			if (now < 0 || now != last[0]) {
				last[0] = now;
				since[0] = System.nanoTime();
				return false;
			}
			return System.nanoTime() - since[0] > Duration.ofSeconds(7).toNanos();
		});
		return last[0];
	}

	@Test
	void aDeadLetterCountsForItsStageAndListsAsARejectOnlyForItsOwnAgency() {
		long[] counted = new long[1];
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode deadLetters = stage(health("dev-operator-key", ""), "scoring").get("deadLetters");
			assertThat(deadLetters.isNumber()).as("the broker was sampled").isTrue();
			counted[0] = deadLetters.asLong();
		});
		long before = counted[0];
		String reason = "Cannot score " + this.tag;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafkaBootstrapServers,
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
						ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
			// one of each topic scoring reads: listings, and pursuit outcomes for its
			// calibration
			for (String topic : List.of(Topics.LISTINGS_INGESTED, Topics.PURSUITS_EVENTS)) {
				var record = new ProducerRecord<String, byte[]>(Topics.deadLetter(topic, "scoring"),
						"acme|upwork:~" + this.tag, "{}".getBytes(StandardCharsets.UTF_8));
				record.headers().add("x-exception-message", reason.getBytes(StandardCharsets.UTF_8));
				producer.send(record);
			}
			producer.flush();
		}
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode report = health("dev-operator-key", "");
			assertThat(stage(report, "scoring").get("deadLetters").asLong()).isEqualTo(before + 2);
			assertThat(report.get("rejects").findValuesAsString("reason")).contains(reason);
		});
		JsonNode reject = null;
		for (JsonNode candidate : health("dev-acme-key", "").get("rejects")) {
			if (candidate.get("reason").asString().equals(reason)) {
				reject = candidate;
			}
		}
		assertThat(reject).as("acme sees its own reject").isNotNull();
		assertThat(reject.get("stage").asString()).isEqualTo("scoring");
		assertThat(health("dev-demo-key", "").get("rejects").findValuesAsString("reason")).doesNotContain(reason);
	}

	@Test
	void aMemberSeesItsOwnAgencysSourcesAndStagesAndNeverAnotherAgencys() {
		String acmeSource = "acme-feed-" + this.tag;
		String demoSource = "demo-feed-" + this.tag;
		ListingIngested acme = ingested("acme", acmeSource, acmeSource + ":1", 1, Instant.now(), null, Instant.now());
		ListingIngested demo = ingested("demo", demoSource, demoSource + ":1", 1, Instant.now(), null, Instant.now());
		this.events.publish(acme);
		this.events.publish(demo);
		awaitApplied(acme);
		awaitApplied(demo);
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(sources(health("dev-operator-key", ""))).contains(acmeSource, demoSource));
		JsonNode demoView = health("dev-demo-key", "agency=acme");
		assertThat(sources(demoView)).contains(demoSource).doesNotContain(acmeSource);
		assertThat(sources(health("dev-acme-key", ""))).contains(acmeSource).doesNotContain(demoSource);
		assertThat(stage(demoView, "ingest").get("processed").asLong())
			.isEqualTo(stage(health("dev-operator-key", "agency=demo"), "ingest").get("processed").asLong())
			.isLessThan(stage(health("dev-operator-key", ""), "ingest").get("processed").asLong());
		assertThat(stage(demoView, "scoring").has("lag")).isTrue();
		assertThat(demoView.get("status").asString()).isIn("OK", "DEGRADED", "DOWN");
		assertThat(demoView.get("reason").asString()).doesNotContain("acme");
	}

	@Test
	void everySourceOfEveryAgencyShowsItsLatestListingAndItsListingsOfTheLastDay() {
		// stored straight into the listings table: the sampler reads every agency's
		// sources by skipping through its index, one agency and source at a time
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String[] agencies = { "src-a-" + this.tag, "src-b-" + this.tag };
		String[] names = { "feed-1-" + this.tag, "feed-2-" + this.tag, "feed-3-" + this.tag };
		Duration[] ages = { Duration.ofHours(2), Duration.ofHours(30), Duration.ofDays(10) };
		int job = 0;
		for (int a = 0; a < agencies.length; a++) {
			for (int s = a; s < names.length; s++) {
				for (int n = 0; n <= s; n++) {
					Instant at = now.minus(ages[(n + a) % ages.length]);
					this.jdbc.update("""
							insert into listings (agency_id, job_key, source, first_ingested_at, latest_version,
							                      last_ingested_at)
							values (?, ?, ?, ?, 1, ?)""", agencies[a], "job-" + (job++), names[s],
							java.sql.Timestamp.from(at), java.sql.Timestamp.from(at));
				}
			}
		}
		List<Map<String, Object>> expected = this.jdbc.queryForList("""
				select agency_id, source, max(last_ingested_at) as latest,
				       count(*) filter (where last_ingested_at >= now() - interval '1 day') as day
				  from listings where agency_id in (?, ?) group by agency_id, source order by agency_id, source""",
				agencies[0], agencies[1]);
		assertThat(expected).as("agency a has three sources, agency b two").hasSize(5);

		await().atMost(PATIENCE).untilAsserted(() -> {
			for (Map<String, Object> row : expected) {
				JsonNode report = health("dev-operator-key", "agency=" + row.get("agency_id"));
				JsonNode source = null;
				for (JsonNode candidate : report.get("sources")) {
					if (candidate.get("source").asString().equals(row.get("source"))) {
						source = candidate;
					}
				}
				assertThat(source).as("%s of %s", row.get("source"), row.get("agency_id")).isNotNull();
				assertThat(Instant.parse(source.get("lastListingAt").asString()))
					.isEqualTo(((java.sql.Timestamp) row.get("latest")).toInstant());
				assertThat(source.get("listings24h").asLong()).isEqualTo(((Number) row.get("day")).longValue());
			}
		});
	}

	@Test
	void aFailingFeedMakesTheReportDegradedNamingItAndIngestIsAskedWithTheCallersKey() {
		IngestFeedsStub ingest = ReportingIntegrationTests.INGEST;
		try {
			ingest.reset();
			ingest.answer(200, """
					[{"id": "f-1", "agencyId": "demo", "type": "rss", "source": "jobsite", "status": "FAILING",
					  "consecutiveFailures": 5, "lastSuccessAt": "2026-11-20T10:00:00Z",
					  "lastError": "The source could not be reached: its host name does not resolve"},
					 {"id": "f-2", "agencyId": "demo", "type": "json-url", "source": "scanner", "status": "OK"}]""");

			JsonNode member = health("dev-demo-key", "");
			JsonNode operator = health("dev-operator-key", "agency=demo");

			assertThat(member.get("status").asString()).isEqualTo("DEGRADED");
			assertThat(member.get("reason").asString()).contains("feeds: the rss feed jobsite failed its last 5 polls: "
					+ "The source could not be reached: its host name does not resolve");
			assertThat(member.at("/feeds/failing")).hasSize(1);
			assertThat(member.at("/feeds/failing/0/source").asString()).isEqualTo("jobsite");
			assertThat(member.at("/feeds/failing/0/agencyId").asString()).as("its own, as GET /api/v1/feeds says")
				.isEqualTo("demo");
			assertThat(operator.get("reason").asString()).contains("the rss feed jobsite of agency demo failed");
			assertThat(ingest.requests).containsExactly("dev-demo-key status=FAILING",
					"dev-operator-key status=FAILING&agency=demo");

			ingest.answer(200, """
					[{"id": "f-3", "agencyId": "demo", "type": "webhook", "source": "scanner", "status": "FAILING",
					  "consecutiveFailures": 1, "lastError": "A push was refused: The body is not readable JSON"}]""");
			assertThat(health("dev-demo-key", "").get("reason").asString()).as("a webhook feed fails by its pushes")
				.contains("feeds: the webhook feed scanner refused its last push: The body is not readable JSON");

			ingest.answer(500, "{}");
			JsonNode unanswered = health("dev-demo-key", "");
			assertThat(unanswered.get("status").asString()).isEqualTo("DEGRADED");
			assertThat(unanswered.at("/feeds/error").asString()).isEqualTo("ingest answered its feeds with HTTP 500");

			ingest.reset();
			JsonNode fine = health("dev-demo-key", "");
			assertThat(fine.at("/feeds/failing")).isEmpty();
			assertThat(fine.get("reason").asString()).doesNotContain("feeds");
		}
		finally {
			ingest.reset();
		}
	}

	@Test
	void refusesACallWithoutAKey() {
		var response = BidstreamApi.at("http://localhost:" + this.port, null).get("/api/v1/reports/health");
		assertThat(response.status()).isEqualTo(401);
	}

}
