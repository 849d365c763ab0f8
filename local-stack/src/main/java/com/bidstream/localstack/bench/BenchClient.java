package com.bidstream.localstack.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;

/**
 * The bench's calls to the public API, with the demo agency's dev key. A failed call
 * throws: a benchmark that lost requests has measured nothing.
 */
final class BenchClient {

	static final String KEY = "dev-demo-key";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String ingest;

	private final String scoring;

	private final String tracking;

	private final String reporting;

	BenchClient(String ingest, String scoring, String tracking, String reporting) {
		this.ingest = ingest;
		this.scoring = scoring;
		this.tracking = tracking;
		this.reporting = reporting;
	}

	/**
	 * Posts one batch (a JSON array) and answers how many listings ingest accepted.
	 */
	int postListings(byte[] batch) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.ingest + "/api/v1/listings"))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", KEY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(batch))
			.timeout(Duration.ofSeconds(60))
			.build();
		String body = send(request, 202);
		JsonNode reply = EventCodec.mapper().readTree(body);
		if (!reply.path("rejected").isEmpty()) {
			throw new IllegalStateException("ingest rejected listings: " + shorten(body));
		}
		return reply.path("accepted").asInt();
	}

	/**
	 * Posts an NDJSON file to {@code /api/v1/imports} and answers the import's id.
	 */
	String startImport(Path ndjson) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.ingest + "/api/v1/imports"))
				.header("Content-Type", "application/x-ndjson")
				.header("X-Api-Key", KEY)
				.POST(HttpRequest.BodyPublishers.ofFile(ndjson))
				.timeout(Duration.ofMinutes(10))
				.build();
			return EventCodec.mapper().readTree(send(request, 202)).path("importId").asString();
		}
		catch (FileNotFoundException ex) {
			throw new IllegalStateException("No import file " + ndjson, ex);
		}
	}

	JsonNode importStatus(String id) {
		return EventCodec.mapper().readTree(send(get(this.ingest + "/api/v1/imports/" + id), 200));
	}

	/**
	 * The funnel's {@code scored} count for one source (0 before its first listing is
	 * counted).
	 */
	long scored(String source) {
		String body = send(get(this.reporting + "/api/v1/reports/funnel?groupBy=source"), 200);
		for (JsonNode row : EventCodec.mapper().readTree(body).path("rows")) {
			if (source.equals(row.path("group").asString())) {
				return row.path("scored").asLong();
			}
		}
		return 0;
	}

	/**
	 * When scoring scored a listing, or empty while it is not scored yet.
	 */
	Optional<Instant> scoredAt(String jobKey) {
		return instant(this.scoring + "/api/v1/scores/", jobKey, "scoredAt");
	}

	/**
	 * When tracking took a listing's pursuit (its {@code createdAt}), or empty while it
	 * has none yet.
	 */
	Optional<Instant> trackedAt(String jobKey) {
		return instant(this.tracking + "/api/v1/pursuits/", jobKey, "createdAt");
	}

	private Optional<Instant> instant(String resource, String jobKey, String field) {
		HttpRequest request = get(resource + URLEncoder.encode(jobKey, StandardCharsets.UTF_8));
		HttpResponse<String> response = exchange(request);
		if (response.statusCode() == 404) {
			return Optional.empty();
		}
		require(response, 200);
		return Optional.of(Instant.parse(EventCodec.mapper().readTree(response.body()).path(field).asString()));
	}

	/**
	 * The bytes a service's heap holds now (Micrometer's {@code jvm.memory.used} summed
	 * over the heap's pools).
	 */
	long heapUsed(String serviceUrl) {
		JsonNode metric = EventCodec.mapper()
			.readTree(send(
					HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
						.timeout(Duration.ofSeconds(5))
						.build(),
					200));
		return (long) metric.path("measurements").path(0).path("value").asDouble();
	}

	String prometheus(String serviceUrl) {
		return send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(20))
			.build(), 200);
	}

	/**
	 * The names of a service's input bindings, from its actuator.
	 */
	List<String> inputBindings(String serviceUrl) {
		JsonNode bindings = EventCodec.mapper()
			.readTree(send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/bindings"))
				.timeout(Duration.ofSeconds(20))
				.build(), 200));
		List<String> names = new ArrayList<>();
		for (JsonNode binding : bindings) {
			if (binding.path("input").asBoolean()) {
				names.add(binding.path("bindingName").asString());
			}
		}
		return names;
	}

	/**
	 * Sets a binding's state (PAUSED, RESUMED) through the actuator.
	 */
	void changeBinding(String serviceUrl, String name, String state) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/bindings/" + name))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"state\": \"" + state + "\"}"))
			.timeout(Duration.ofSeconds(60))
			.build();
		HttpResponse<String> response = exchange(request);
		if (response.statusCode() != 200) {
			require(response, 204);
		}
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", KEY).timeout(Duration.ofSeconds(60)).build();
	}

	private String send(HttpRequest request, int expected) {
		HttpResponse<String> response = exchange(request);
		require(response, expected);
		return response.body();
	}

	private static void require(HttpResponse<String> response, int expected) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + shorten(response.body()));
		}
	}

	private HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static String shorten(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
