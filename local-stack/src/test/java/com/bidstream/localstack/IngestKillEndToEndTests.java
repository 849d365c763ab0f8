package com.bidstream.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Topics;
import com.bidstream.localstack.demo.SyntheticListings;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.services.HealthProbe;
import com.bidstream.localstack.services.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing acknowledged is lost (issue 8): on the stack as {@code ./bidstream up} runs it,
 * four clients post batches and an NDJSON import runs when ingest is killed with
 * {@code kill -9}. The launcher restarts it, the clients retry what got no answer, the
 * import resumes from its last committed chunk, and {@code listings.ingested} then holds
 * every listing that got a 202 and every line the import counted, each version as one
 * event ({@link RetryingClients} says how a cut batch is answered on its retry).
 * <p>
 * The relay publishes at least once: a kill between the broker's acknowledgement and the
 * outbox delete sends the same event (same {@code eventId}) again, which consumers drop
 * by their inbox; so the topic is checked per version by event id, and repeats of one
 * event are counted and printed, not failed.
 */
class IngestKillEndToEndTests {

	private static final String KEY = "dev-acme-key";

	private static final int IMPORT_LINES = 50_000;

	private static final int CLIENTS = 4;

	private static final Duration OUTAGE = Duration.ofMinutes(3);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String source = "kill-" + this.run;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final Set<String> imported = new HashSet<>();

	private long killedAt;

	@Test
	void everyListingThatGotA202AndEveryImportedLineIsOnTheTopicOncePerVersion(@TempDir Path data) throws Exception {
		StackOptions options = TestStacks.in(data);
		LocalStack stack = LocalStack.create(options, new Console(System.out)).start();
		try {
			String ingest = stack.url(Service.INGEST);
			byte[] ndjson = importFile();
			HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(ingest + "/api/v1/imports"))
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)));
			assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
			String importId = json(started.body()).path("importId").asString();
			assertThat(json(started.body()).path("total").asInt()).isEqualTo(IMPORT_LINES);

			try (RetryingClients clients = RetryingClients.start(ingest, KEY, this.source, CLIENTS, OUTAGE)) {

				long countedBeforeTheKill = killIngestMidImport(stack, ingest, importId, clients);
				long killedAt = this.killedAt;
				double upAgain = seconds(killedAt);
				JsonNode resumed = awaitImport(ingest, importId, (status) -> true);
				assertThat(resumed.path("processed").asLong()).as("nothing the import counted is lost")
					.isGreaterThanOrEqualTo(countedBeforeTheKill);
				int acknowledgedBeforeTheRestart = clients.acknowledged().size();
				await().atMost(OUTAGE)
					.until(() -> clients.acknowledged().size() >= acknowledgedBeforeTheRestart + 2_000);
				clients.stop();

				JsonNode done = awaitImport(ingest, importId,
						(status) -> status.path("status").asString().equals("DONE"));
				double importDone = seconds(killedAt);
				assertThat(done.path("processed").asInt()).isEqualTo(IMPORT_LINES);
				assertThat(done.path("accepted").asInt()).isEqualTo(IMPORT_LINES);
				assertThat(done.path("rejected").asInt()).isZero();

				Set<String> expected = new HashSet<>(clients.acknowledged());
				expected.addAll(this.imported);
				Set<String> posted = new HashSet<>(clients.posted());
				posted.addAll(this.imported);
				TopicContents topic = readTopic("localhost:" + options.kafkaPort(), expected);
				System.out.printf(
						"kill -9 test: ingest UP again %.1f s after the kill, import DONE after %.1f s, "
								+ "everything read from the topic after %.1f s%n",
						upAgain, importDone, seconds(killedAt));
				System.out
					.printf("kill -9 test: %,d listings acknowledged by REST, %,d imported (%,d counted before the kill); "
							+ "%,d requests cut by the kill or refused while ingest was down, %,d listings of theirs "
							+ "had committed before the kill (answered as duplicates on retry); %,d events on the topic "
							+ "sent again by the relay (same eventId)%n", clients.acknowledged().size(), IMPORT_LINES,
							countedBeforeTheKill, clients.connectionErrors(), clients.committedBeforeTheCut(),
							topic.repeats());

				assertThat(clients.connectionErrors()).as("the kill cut requests in flight").isPositive();
				assertThat(topic.versions().keySet()).as("every 202'd listing and every imported line")
					.containsAll(expected);
				assertThat(topic.versions().keySet()).as("nothing that was never posted").isSubsetOf(posted);
				assertThat(topic.eventIds()).as("one event per (jobKey, version)")
					.allSatisfy((version, ids) -> assertThat(ids).as(version).hasSize(1));
				assertThat(topic.versions()).as("each listing was sent with one content: version 1 only")
					.allSatisfy((jobKey, versions) -> assertThat(versions).as(jobKey).containsExactly(1));
			}
		}
		finally {
			stack.close();
		}
	}

	/**
	 * Kills ingest once the import has committed a few chunks but is far from done, and
	 * waits for the launcher to have restarted it.
	 * @return what the import had counted just before the kill
	 */
	private long killIngestMidImport(LocalStack stack, String ingest, String importId, RetryingClients clients) {
		long[] processed = new long[1];
		await().atMost(OUTAGE).pollInterval(Duration.ofMillis(50)).until(() -> {
			processed[0] = json(get(ingest + "/api/v1/imports/" + importId).body()).path("processed").asLong();
			return processed[0] >= 5_000 && clients.acknowledged().size() >= 1_000;
		});
		ChildProcess killed = ingest(stack);
		killed.handle().destroyForcibly();
		this.killedAt = System.nanoTime();
		assertThat(processed[0]).as("killed before the import was done").isLessThan(IMPORT_LINES);
		await().atMost(OUTAGE).untilAsserted(() -> {
			assertThat(ingest(stack).pid()).isNotEqualTo(killed.pid());
			assertThat(HealthProbe.isUp(ingest)).isTrue();
		});
		return processed[0];
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static ChildProcess ingest(LocalStack stack) {
		return stack.children().stream().filter((child) -> child.name().equals("ingest")).findFirst().orElseThrow();
	}

	private JsonNode awaitImport(String ingest, String importId, java.util.function.Predicate<JsonNode> until) {
		JsonNode[] status = new JsonNode[1];
		await().atMost(OUTAGE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
			HttpResponse<String> response = get(ingest + "/api/v1/imports/" + importId);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			status[0] = json(response.body());
			assertThat(status[0].path("status").asString()).isNotEqualTo("FAILED");
			return until.test(status[0]);
		});
		return status[0];
	}

	private byte[] importFile() {
		SyntheticListings listings = new SyntheticListings(new Random(99));
		StringBuilder ndjson = new StringBuilder(IMPORT_LINES * 1200);
		for (int n = 0; n < IMPORT_LINES; n++) {
			Listing listing = RetryingClients.listing(listings.next(), this.source, "imp-" + n);
			this.imported.add(listing.source() + ":" + listing.externalId());
			ndjson.append(EventCodec.toJson(listing)).append('\n');
		}
		return ndjson.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * What {@code listings.ingested} holds of this test's source (agency acme): the
	 * versions of each jobKey, the event ids of each version, and how many records
	 * repeated an event already read.
	 */
	private record TopicContents(Map<String, List<Integer>> versions, Map<String, Set<String>> eventIds, long repeats) {
	}

	/**
	 * Reads the topic from the beginning until every expected jobKey was seen, then on to
	 * the end offsets of that moment.
	 */
	private TopicContents readTopic(String bootstrapServers, Set<String> expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		Map<String, List<Integer>> versions = new HashMap<>();
		Map<String, Set<String>> eventIds = new HashMap<>();
		Set<String> seenEvents = new HashSet<>();
		long repeats = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.LISTINGS_INGESTED)
				.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + OUTAGE.toNanos();
			Map<TopicPartition, Long> end = null;
			while (end == null || !reached(consumer, end)) {
				assertThat(System.nanoTime()).as("all expected listings on the topic within " + OUTAGE)
					.isLessThan(deadline);
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode event = EventCodec.mapper().readTree(record.value());
					String jobKey = event.path("jobKey").asString();
					if (!event.path("agencyId").asString().equals("acme") || !jobKey.startsWith(this.source + ":")) {
						continue;
					}
					String eventId = event.path("eventId").asString();
					if (!seenEvents.add(eventId)) {
						repeats++;
						continue;
					}
					int version = event.path("version").asInt();
					versions.computeIfAbsent(jobKey, (k) -> new ArrayList<>()).add(version);
					eventIds.computeIfAbsent(jobKey + " v" + version, (k) -> new HashSet<>()).add(eventId);
				}
				if (end == null && versions.keySet().containsAll(expected)) {
					end = consumer.endOffsets(partitions);
				}
			}
		}
		Set<String> missing = expected.stream().filter((k) -> !versions.containsKey(k)).collect(Collectors.toSet());
		assertThat(missing).isEmpty();
		return new TopicContents(versions, eventIds, repeats);
	}

	private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.entrySet().stream().allMatch((e) -> consumer.position(e.getKey()) >= e.getValue());
	}

	private HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", KEY).timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.header("X-Api-Key", KEY).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(String body) {
		return EventCodec.mapper().readTree(body);
	}

}
