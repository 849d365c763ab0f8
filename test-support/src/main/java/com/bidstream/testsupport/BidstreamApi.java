package com.bidstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;

/**
 * A small HTTP client of the public API, as an outside user would call it: a base URL, an
 * {@code X-Api-Key}, JSON in and out.
 */
public final class BidstreamApi {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	private final Map<String, String> headers;

	private BidstreamApi(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.headers = Map.copyOf(headers);
	}

	public static BidstreamApi at(String baseUrl, String apiKey) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (apiKey != null) {
			headers.put("X-Api-Key", apiKey);
		}
		return new BidstreamApi(baseUrl, headers);
	}

	/**
	 * The same client with one more header on every call (such as {@code X-Agency-Id}).
	 */
	public BidstreamApi withHeader(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new BidstreamApi(this.baseUrl, more);
	}

	public Response get(String path) {
		return send(request(path).GET().build());
	}

	public Response post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response put(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Response send(String method, String path, String contentType, String body) {
		return send(request(path).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		this.headers.forEach(builder::header);
		return builder;
	}

	private static Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * A response: status, body and content type.
	 */
	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return EventCodec.mapper().readTree(this.body);
		}

		@Override
		public String toString() {
			return this.status + " " + this.contentType + " " + this.body;
		}

	}

}
