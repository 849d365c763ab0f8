package com.bidstream.localstack.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;

import com.bidstream.contracts.EventCodec;

/**
 * Asks a service's {@code /actuator/health}: UP means it reaches its database and the
 * broker and is ready for requests.
 */
public final class HealthProbe {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private HealthProbe() {
	}

	public static boolean isUp(String baseUrl) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200
					&& "UP".equals(EventCodec.mapper().readTree(response.body()).path("status").asString());
		}
		catch (IOException | JacksonException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
