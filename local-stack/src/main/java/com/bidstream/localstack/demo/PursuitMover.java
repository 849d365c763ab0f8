package com.bidstream.localstack.demo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;

/**
 * Advances an agency's pursuits through the tracking API, like freelancers working the
 * queue: claims queued ones (and now and then a REVIEW one waiting in NEW), sends
 * proposals, and lets clients view, reply, interview, hire or go elsewhere. A claim goes
 * to the freelancer scoring matched best (one with room), or to any of the demo's when
 * nobody is matched. It touches only the demo's own listings (their {@code externalId}
 * starts with {@value SyntheticListings#DEMO_ID_PREFIX}, in this run or an earlier one),
 * never one a person posted by hand to try the funnel.
 */
final class PursuitMover {

	private static final List<String> STAGES = List.of("QUEUED", "CLAIMED", "PROPOSED", "VIEWED", "REPLIED",
			"INTERVIEWING");

	private static final int PER_STAGE = 25;

	private final DemoClient client;

	private final String scoringUrl;

	private final String trackingUrl;

	private final FunnelOdds odds;

	private final Random random;

	private final DemoStats stats;

	private final DemoOutcomes outcomes;

	PursuitMover(DemoClient client, String scoringUrl, String trackingUrl, Random random, DemoStats stats,
			DemoOutcomes outcomes) {
		this.client = client;
		this.scoringUrl = scoringUrl;
		this.trackingUrl = trackingUrl;
		this.odds = new FunnelOdds(random);
		this.random = random;
		this.stats = stats;
		this.outcomes = outcomes;
	}

	private static boolean isOurs(String jobKey) {
		return externalId(jobKey).startsWith(SyntheticListings.DEMO_ID_PREFIX);
	}

	/**
	 * The listing's {@code externalId}: its jobKey is {@code source:externalId}.
	 */
	private static String externalId(String jobKey) {
		return jobKey.substring(jobKey.indexOf(':') + 1);
	}

	void advance(String apiKey) {
		for (String stage : STAGES) {
			advance(apiKey, stage);
		}
		if (this.random.nextInt(4) == 0) {
			advance(apiKey, "NEW");
		}
	}

	private void advance(String apiKey, String stage) {
		DemoClient.Reply reply = this.client
			.get(this.trackingUrl + "/api/v1/pursuits?stage=" + stage + "&limit=" + PER_STAGE, apiKey);
		if (!reply.ok()) {
			this.stats.increment("failed");
			return;
		}
		for (JsonNode pursuit : pursuits(reply)) {
			if (isOpen(pursuit, stage) && isOurs(pursuit.path("jobKey").asString())) {
				this.odds
					.next(stage, Segment.of(pursuit.path("segment").asString("")),
							pursuit.path("freelancerId").asString(null))
					.ifPresent((event) -> post(apiKey, pursuit.path("jobKey").asString(), event));
			}
		}
	}

	/**
	 * The {@code pursuits} of the list answer ({@code {"pursuits": [...]}}); none when
	 * the body is not that.
	 */
	private static List<JsonNode> pursuits(DemoClient.Reply reply) {
		List<JsonNode> pursuits = new ArrayList<>();
		try {
			EventCodec.mapper().readTree(reply.body()).path("pursuits").forEach(pursuits::add);
		}
		catch (JacksonException ex) {
			// not JSON: nothing to advance
		}
		return pursuits;
	}

	/**
	 * The freelancer scoring matched best to the listing, if any.
	 */
	private Optional<String> bestMatch(String apiKey, String encodedJobKey) {
		DemoClient.Reply reply = this.client.get(this.scoringUrl + "/api/v1/scores/" + encodedJobKey, apiKey);
		if (!reply.ok()) {
			return Optional.empty();
		}
		try {
			String best = EventCodec.mapper()
				.readTree(reply.body())
				.path("matches")
				.path(0)
				.path("freelancerId")
				.asString("");
			return best.isEmpty() ? Optional.empty() : Optional.of(best);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	private static boolean isOpen(JsonNode pursuit, String stage) {
		boolean ended = !pursuit.path("outcome").isMissingNode() && !pursuit.path("outcome").isNull();
		boolean reviewOnly = !stage.equals("NEW") || "REVIEW".equals(pursuit.path("decision").asString(""));
		return !ended && reviewOnly && !pursuit.path("jobKey").asString("").isEmpty();
	}

	private void post(String apiKey, String jobKey, Map<String, Object> event) {
		String encoded = URLEncoder.encode(jobKey, StandardCharsets.UTF_8).replace("+", "%20");
		if ("CLAIM".equals(event.get("type"))) {
			bestMatch(apiKey, encoded).ifPresent((freelancer) -> event.put("freelancerId", freelancer));
		}
		String externalId = externalId(jobKey);
		if ("HIRED".equals(event.get("type")) && this.outcomes.isClosedWithoutAHire(externalId)) {
			// the demo's feed closed this job without a hire: nobody was hired, the
			// agency
			// neither (a hire there contradicted the close)
			event.remove("contractValue");
			event.put("type", "LOST");
			event.put("reason", "JOB_CLOSED");
		}
		String path = "/api/v1/pursuits/" + encoded + "/events";
		DemoClient.Reply reply = this.client.post(this.trackingUrl + path, apiKey, event);
		if (reply.ok()) {
			this.stats.increment(String.valueOf(event.get("type")));
			if ("HIRED".equals(event.get("type"))) {
				this.outcomes.hired(externalId);
			}
		}
		else if (reply.status() != 409) {
			this.stats.increment("failed");
		}
	}

}
