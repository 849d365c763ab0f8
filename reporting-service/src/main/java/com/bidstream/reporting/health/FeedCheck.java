package com.bidstream.reporting.health;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.reporting.dashboard.Upstream;

/**
 * The feeds that fail, as ingest shows them to the caller ({@code GET /api/v1/feeds} with
 * the caller's own key, so that ingest's tenancy decides which feeds are seen). A feed
 * that fails sends nothing, and a source that sends little never looks quiet to the
 * broker's figures: without this, the report said OK while a feed failed for days.
 */
@Component
class FeedCheck {

	private static final Logger log = LoggerFactory.getLogger(FeedCheck.class);

	static final Duration PATIENCE = Duration.ofSeconds(2);

	private final Upstream upstream;

	FeedCheck(Upstream upstream) {
		this.upstream = upstream;
	}

	/**
	 * The failing feeds in the scope; empty when ingest's address is not configured or
	 * the request carries no key to ask with.
	 * @param agency the agency an operator's report is for, empty for all (a member's
	 * scope is its key's)
	 */
	Optional<Result> check(Optional<String> key, boolean operator, Optional<String> agency) {
		if (!this.upstream.knowsIngest() || key.isEmpty()) {
			return Optional.empty();
		}
		// only the failing ones: an operator's view of every agency's feeds stays small
		String path = "/api/v1/feeds?status=FAILING" + ((operator && agency.isPresent())
				? "&agency=" + URLEncoder.encode(agency.get(), StandardCharsets.UTF_8) : "");
		Upstream.Answer answer;
		try {
			answer = this.upstream.ingest(path, key.get(), PATIENCE);
		}
		catch (ApiProblem ex) {
			// Upstream logged it and says which: out of reach, or not in time
			return Optional.of(Result.unanswered(String.valueOf(ex.getMessage())
				.replaceFirst("^The ingest service ", "ingest ")
				.replaceFirst("; try again in a moment$", "")));
		}
		catch (RuntimeException ex) {
			// a malformed bidstream.reporting.ingest-url, say: the report still answers
			log.warn("Could not ask ingest for its feeds: {}", ex.toString());
			return Optional.of(Result.unanswered("ingest could not be asked (" + ex.getClass().getSimpleName() + ")"));
		}
		if (!answer.ok()) {
			return Optional.of(Result.unanswered("ingest answered its feeds with HTTP " + answer.status()));
		}
		try {
			List<HealthReport.Feed> failing = new ArrayList<>();
			for (JsonNode feed : EventCodec.mapper().readTree(answer.body())) {
				if ("FAILING".equals(feed.path("status").asString(""))) {
					failing.add(new HealthReport.Feed(feed.path("id").asString(null),
							feed.path("agencyId").asString(null), feed.path("type").asString(null),
							feed.path("source").asString(null), feed.path("consecutiveFailures").asInt(0),
							instant(feed.path("lastSuccessAt")), feed.path("lastError").asString(null)));
				}
			}
			return Optional.of(new Result(failing, null));
		}
		catch (JacksonException ex) {
			return Optional.of(Result.unanswered("ingest's feeds were not readable JSON"));
		}
	}

	private static Instant instant(JsonNode node) {
		try {
			return node.isString() ? Instant.parse(node.asString()) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * The failing feeds, or why they could not be read ({@code unanswered}).
	 */
	record Result(List<HealthReport.Feed> failing, String unanswered) {

		static Result unanswered(String why) {
			return new Result(List.of(), why);
		}

		/**
		 * DEGRADED while a feed fails or ingest does not answer, OK otherwise.
		 */
		Verdict verdict(boolean namesAgencies) {
			if (this.unanswered != null) {
				return new Verdict(HealthStatus.DEGRADED, "the feeds could not be read: " + this.unanswered);
			}
			if (this.failing.isEmpty()) {
				return Verdict.ok("every feed answers");
			}
			HealthReport.Feed first = this.failing.get(0);
			String name = (first.source() != null) ? first.source() : first.type();
			// a webhook feed fails by the pushes refused to it, the others by their polls
			boolean pushed = "webhook".equals(first.type());
			String reason = "the " + first.type() + " feed " + name
					+ (namesAgencies ? " of agency " + first.agencyId() : "")
					+ (pushed ? " refused its last " : " failed its last ")
					+ ((first.consecutiveFailures() == 1) ? (pushed ? "push" : "poll")
							: first.consecutiveFailures() + (pushed ? " pushes" : " polls"))
					+ ": " + String.valueOf(first.lastError()).replaceFirst("^A push was refused: ", "");
			if (this.failing.size() > 1) {
				reason += " (and " + (this.failing.size() - 1) + " more failing feeds)";
			}
			return new Verdict(HealthStatus.DEGRADED, reason);
		}

	}

}
