package com.bidstream.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.localstack.demo.SyntheticListings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Clients of the end-to-end tests that kill processes under them: each posts batches of
 * new listings of one source to {@code POST /api/v1/listings} until stopped, each batch
 * until it gets a 202. A request cut by a kill or refused while ingest or its database is
 * down (a connection error, 429, 503) is sent again as it was, as a client that follows
 * the contract would.
 * <p>
 * A batch whose request died with the process may have committed before its 202 was
 * written: its retry then answers those listings as duplicates (never as a second
 * version), counted in {@link #committedBeforeTheCut()}.
 */
final class RetryingClients implements AutoCloseable {

	private static final int BATCH = 100;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final String ingest;

	private final String key;

	private final String source;

	private final Duration patience;

	private final Duration pause;

	private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

	private final Set<String> posted = ConcurrentHashMap.newKeySet();

	private final AtomicLong connectionErrors = new AtomicLong();

	private final AtomicLong committedBeforeTheCut = new AtomicLong();

	private final AtomicBoolean stop = new AtomicBoolean();

	private final ExecutorService threads;

	private final List<Future<?>> running = new ArrayList<>();

	private RetryingClients(String ingest, String key, String source, int clients, Duration patience, Duration pause) {
		this.ingest = ingest;
		this.key = key;
		this.source = source;
		this.patience = patience;
		this.pause = pause;
		this.threads = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			int client = c;
			this.running.add(this.threads.submit(() -> postUntilStopped(client)));
		}
	}

	/**
	 * Clients that post as fast as ingest answers.
	 * @param patience how long one batch is sent again before the test fails
	 */
	static RetryingClients start(String ingest, String key, String source, int clients, Duration patience) {
		return new RetryingClients(ingest, key, source, clients, patience, Duration.ZERO);
	}

	/**
	 * Clients that each wait {@code pause} after a batch's 202, so that a test's listings
	 * stay few enough for the pipeline to keep up with them.
	 */
	static RetryingClients paced(String ingest, String key, String source, int clients, Duration patience,
			Duration pause) {
		return new RetryingClients(ingest, key, source, clients, patience, pause);
	}

	/**
	 * Stops posting after the batches in flight got their 202, and rethrows what failed a
	 * client.
	 */
	void stop() throws InterruptedException, ExecutionException {
		this.stop.set(true);
		this.threads.shutdown();
		assertThat(this.threads.awaitTermination(this.patience.toSeconds(), TimeUnit.SECONDS)).isTrue();
		for (Future<?> client : this.running) {
			client.get();
		}
	}

	/**
	 * Stops the clients at once, whatever they are doing (for a test that failed).
	 */
	@Override
	public void close() {
		this.stop.set(true);
		this.threads.shutdownNow();
	}

	/**
	 * Rethrows what failed a client, if one has: a test waiting for more listings to be
	 * acknowledged then fails with the client's reason, not a timeout.
	 */
	void rethrowFailure() throws InterruptedException, ExecutionException {
		for (Future<?> client : this.running) {
			if (client.isDone()) {
				client.get();
			}
		}
	}

	/**
	 * The jobKeys of every listing that got a 202 (accepted or a duplicate of its own
	 * earlier, cut request).
	 */
	Set<String> acknowledged() {
		return this.acknowledged;
	}

	/**
	 * The jobKeys of every listing sent, answered or not.
	 */
	Set<String> posted() {
		return this.posted;
	}

	long connectionErrors() {
		return this.connectionErrors.get();
	}

	long committedBeforeTheCut() {
		return this.committedBeforeTheCut.get();
	}

	/**
	 * A synthetic listing under this source and external id.
	 */
	static Listing listing(Listing l, String source, String externalId) {
		return new Listing(source, externalId, "https://example.com/jobs/" + externalId, l.title(), l.description(),
				l.postedAt(), l.category(), l.skills(), l.budget(), l.experienceLevel(), l.duration(), l.workload(),
				l.proposals(), l.connectsRequired(), l.client(), l.closed());
	}

	private void postUntilStopped(int client) {
		SyntheticListings listings = new SyntheticListings(new Random(client));
		for (int b = 0; !this.stop.get(); b++) {
			List<Listing> batch = new ArrayList<>(BATCH);
			for (int i = 0; i < BATCH; i++) {
				batch.add(listing(listings.next(), this.source, "rest-" + client + "-" + (b * BATCH + i)));
			}
			List<String> jobKeys = batch.stream().map((l) -> l.source() + ":" + l.externalId()).toList();
			this.posted.addAll(jobKeys);
			byte[] body = EventCodec.toBytes(batch);
			AtomicBoolean cut = new AtomicBoolean();
			HttpResponse<String> response = await().atMost(this.patience)
				.pollInSameThread()
				.pollInterval(Duration.ofMillis(200))
				.until(() -> post(body, cut),
						(answer) -> answer != null && answer.statusCode() != 429 && answer.statusCode() != 503);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			JsonNode reply = EventCodec.mapper().readTree(response.body());
			assertThat(reply.path("rejected").isEmpty()).as(response.body()).isTrue();
			assertThat(reply.path("accepted").asInt() + reply.path("duplicates").asInt()).isEqualTo(BATCH);
			if (cut.get()) {
				this.committedBeforeTheCut.addAndGet(reply.path("duplicates").asInt());
			}
			this.acknowledged.addAll(jobKeys);
			LockSupport.parkNanos(this.pause.toNanos());
		}
	}

	/**
	 * One post of a batch; null when the connection was cut (ingest down or killed
	 * mid-request).
	 */
	private HttpResponse<String> post(byte[] body, AtomicBoolean cut) throws InterruptedException {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(this.ingest + "/api/v1/listings"))
				.header("X-Api-Key", this.key)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			cut.set(true);
			this.connectionErrors.incrementAndGet();
			return null;
		}
	}

}
