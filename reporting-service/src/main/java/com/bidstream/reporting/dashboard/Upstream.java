package com.bidstream.reporting.dashboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.bidstream.platform.http.WholeAnswer;
import com.bidstream.platform.security.ApiKeyFilter;
import com.bidstream.platform.web.ApiProblem;

/**
 * Calls scoring, tracking and ingest as the signed-in person: with their own key (and,
 * for an operator, the agency it acts for), so that those services' own tenancy rules
 * decide what is read and changed. Each call is timed as
 * {@code bidstream.reporting.dashboard.upstream} by service and outcome.
 */
@Component
public class Upstream {

	private static final Logger log = LoggerFactory.getLogger(Upstream.class);

	private final UpstreamProperties properties;

	private final HttpClient http;

	private final MeterRegistry meters;

	Upstream(UpstreamProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Whether ingest's address is configured ({@code bidstream.reporting.ingest-url},
	 * empty by default).
	 */
	public boolean knowsIngest() {
		return this.properties.ingestUrl() != null && !this.properties.ingestUrl().toString().isBlank();
	}

	/**
	 * Why a service's own health check does not say it is up, or empty when it does: it
	 * cannot be reached, does not answer within {@code patience}, or answers 503 (DOWN by
	 * its own account: its database or broker out of reach). Any other answer means the
	 * service runs. Ingest is asked only when its address is configured. Nothing is
	 * logged here: the health report says it, and its sampler logs the changes.
	 * @param service {@code scoring}, {@code tracking} or {@code ingest}
	 */
	public Optional<String> healthProblem(String service, Duration patience) {
		URI base = switch (service) {
			case "scoring" -> this.properties.scoringUrl();
			case "tracking" -> this.properties.trackingUrl();
			case "ingest" -> knowsIngest() ? this.properties.ingestUrl() : null;
			default -> null;
		};
		if (base == null) {
			return Optional.empty();
		}
		HttpRequest request = HttpRequest.newBuilder(at(base, "/actuator/health")).timeout(patience).GET().build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			return (status == 503) ? Optional.of("says it is DOWN (its health check answered 503)") : Optional.empty();
		}
		catch (HttpTimeoutException ex) {
			return Optional.of("did not answer its health check within " + patience.toSeconds() + " s");
		}
		catch (IOException ex) {
			return Optional.of("cannot be reached at " + base.getAuthority());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * A read of ingest with the caller's own key, waiting at most {@code patience} for
	 * the answer.
	 * @throws ApiProblem 502 when ingest cannot be reached or does not answer in time
	 */
	public Answer ingest(String pathAndQuery, String key, Duration patience) {
		HttpRequest request = builder(this.properties.ingestUrl(), pathAndQuery, key, Optional.empty())
			.timeout(patience)
			.GET()
			.build();
		return send(Service.INGEST, request);
	}

	Answer scoring(String pathAndQuery, DashboardSession.SignedIn as) {
		return send(Service.SCORING, get(this.properties.scoringUrl(), pathAndQuery, as, Optional.empty()));
	}

	Answer trackingPost(String path, String json, DashboardSession.SignedIn as, Optional<String> actingAgency) {
		HttpRequest.Builder request = builder(this.properties.trackingUrl(), path, as.key(), actingAgency)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		return send(Service.TRACKING, request.build());
	}

	private HttpRequest get(URI base, String pathAndQuery, DashboardSession.SignedIn as,
			Optional<String> actingAgency) {
		return builder(base, pathAndQuery, as.key(), actingAgency).GET().build();
	}

	private HttpRequest.Builder builder(URI base, String pathAndQuery, String key, Optional<String> actingAgency) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(at(base, pathAndQuery))
			.timeout(this.properties.readTimeout())
			.header("Accept", "application/json")
			.header(ApiKeyFilter.HEADER, key);
		actingAgency.ifPresent((agency) -> builder.header(ApiKeyFilter.AGENCY_HEADER, agency));
		return builder;
	}

	/**
	 * {@code pathAndQuery} under a service's base address, with or without its own slash.
	 */
	private static URI at(URI base, String pathAndQuery) {
		return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
	}

	private Answer send(Service service, HttpRequest request) {
		Timer.Sample sample = Timer.start(this.meters);
		String outcome = "unreachable";
		try {
			// the whole answer within the request's timeout (WholeAnswer): a body sent
			// slowly would hold a dashboard page, or the health report, as long as it
			// took
			HttpResponse<String> response = WholeAnswer.send(this.http, request, HttpResponse.BodyHandlers.ofString(),
					request.timeout().orElse(this.properties.readTimeout()));
			outcome = String.valueOf(response.statusCode() / 100) + "xx";
			return new Answer(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
		}
		catch (HttpTimeoutException ex) {
			outcome = "timeout";
			log.warn("The {} service did not answer {} in time", service.id, request.uri().getPath());
			throw unavailable(service, "did not answer in time");
		}
		catch (IOException ex) {
			log.warn("The {} service cannot be reached at {}: {}", service.id, request.uri().getAuthority(),
					ex.toString());
			throw unavailable(service, "cannot be reached");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(service, "was not waited for");
		}
		finally {
			sample.stop(Timer.builder("bidstream.reporting.dashboard.upstream")
				.description("Reporting's calls to scoring, tracking and ingest on behalf of a signed-in person")
				.tag("service", service.id)
				.tag("outcome", outcome)
				.register(this.meters));
		}
	}

	private static ApiProblem unavailable(Service service, String what) {
		return new ApiProblem(HttpStatus.BAD_GATEWAY, "upstream-unavailable",
				"The " + service.id + " service " + what + "; try again in a moment", null);
	}

	enum Service {

		SCORING("scoring"), TRACKING("tracking"), INGEST("ingest");

		private final String id;

		Service(String id) {
			this.id = id;
		}

	}

	/**
	 * What a service answered: its status, content type and body as text.
	 */
	public record Answer(int status, String contentType, String body) {

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		/**
		 * Problem+json stays problem+json; anything else is passed on as JSON.
		 */
		String mediaType() {
			return this.contentType.startsWith("application/problem+json") ? "application/problem+json"
					: "application/json";
		}

		/**
		 * The body to pass on from {@code path}: a problem's {@code instance} names the
		 * dashboard's own path, not the service's behind it.
		 */
		String bodyAt(String path) {
			if (!this.contentType.startsWith("application/problem+json")) {
				return this.body;
			}
			try {
				JsonNode problem = com.bidstream.contracts.EventCodec.mapper().readTree(this.body);
				if (problem instanceof tools.jackson.databind.node.ObjectNode object && object.has("instance")) {
					object.put("instance", path);
					return object.toString();
				}
			}
			catch (tools.jackson.core.JacksonException ex) {
				// not JSON after all: passed on as it came
			}
			return this.body;
		}

	}

}
