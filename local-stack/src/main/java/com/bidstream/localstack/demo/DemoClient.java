package com.bidstream.localstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.bidstream.contracts.EventCodec;

/**
 * The demo's HTTP calls to the public API, as an agency's own tool would make them.
 */
final class DemoClient {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * A response; status 0 when the service could not be reached.
	 */
	record Reply(int status, String body) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

	}

	Reply post(String url, String apiKey, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", apiKey)
			.POST(HttpRequest.BodyPublishers.ofString(EventCodec.toJson(body))));
	}

	Reply put(String url, String apiKey, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("X-Api-Key", apiKey)
			.PUT(HttpRequest.BodyPublishers.ofString(EventCodec.toJson(body))));
	}

	Reply get(String url, String apiKey) {
		return send(HttpRequest.newBuilder(URI.create(url)).header("X-Api-Key", apiKey).GET());
	}

	private Reply send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Reply(0, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(0, "interrupted");
		}
	}

}
