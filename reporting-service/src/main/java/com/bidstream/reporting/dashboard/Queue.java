package com.bidstream.reporting.dashboard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import com.bidstream.platform.web.ApiProblem;

/**
 * A member's working list: the agency's open {@code PURSUE} and {@code REVIEW} listings,
 * ranked by scoring, each with where its pursuit stands in tracking (stage, outcome,
 * holder), read as the signed-in person. A listing whose pursuit has ended (hired, lost,
 * withdrawn) is no work left and leaves the list: the best {@value #LISTINGS} of the
 * first {@value #RANKED} ranked are shown. Tracking is asked for the pursuits of exactly
 * those listings ({@code POST /api/v1/pursuits/lookup}), whatever their age; a listing
 * without one shows no stage. When tracking does not answer, the listings are still
 * shown, without stages, and the answer says so.
 */
@Component
class Queue {

	static final int LISTINGS = 100;

	/**
	 * How many of scoring's ranked listings are read to find {@link #LISTINGS} whose
	 * pursuit has not ended (scoring's most).
	 */
	static final int RANKED = 500;

	private static final List<String> DECISIONS = List.of("PURSUE", "REVIEW");

	private final Upstream upstream;

	private final JsonMapper json;

	Queue(Upstream upstream, JsonMapper json) {
		this.upstream = upstream;
		this.json = json;
	}

	JsonNode read(DashboardSession.SignedIn as, Optional<String> agency) {
		Optional<String> named = agency.map((id) -> "agency=" + UriUtils.encodeQueryParam(id, "UTF-8"));
		String scope = named.map((param) -> "&" + param).orElse("");
		ObjectNode answer = this.json.createObjectNode();
		answer.put("agency", agency.orElse(as.caller().agencyId()));
		Map<String, JsonNode> ranked = new LinkedHashMap<>();
		List<String> jobKeys = new ArrayList<>();
		for (String decision : DECISIONS) {
			JsonNode scores = body(
					this.upstream.scoring("/api/v1/scores?decision=" + decision + "&limit=" + RANKED + scope, as))
				.path("scores");
			ranked.put(decision, scores);
			scores.forEach((score) -> jobKeys.add(score.path("jobKey").asString()));
		}
		Map<String, JsonNode> pursuits = new HashMap<>();
		answer.putNull("trackingProblem");
		if (jobKeys.isEmpty()) {
			return fill(answer, ranked, pursuits);
		}
		try {
			ObjectNode lookup = this.json.createObjectNode();
			jobKeys.forEach(lookup.putArray("jobKeys")::add);
			for (JsonNode pursuit : body(
					this.upstream.trackingPost("/api/v1/pursuits/lookup" + named.map((param) -> "?" + param).orElse(""),
							lookup.toString(), as, Optional.empty()))
				.path("pursuits")) {
				pursuits.put(pursuit.path("jobKey").asString(), pursuit);
			}
		}
		catch (ApiProblem problem) {
			answer.put("trackingProblem", problem.getMessage());
		}
		return fill(answer, ranked, pursuits);
	}

	private static JsonNode fill(ObjectNode answer, Map<String, JsonNode> ranked, Map<String, JsonNode> pursuits) {
		ranked.forEach((decision, scores) -> {
			ArrayNode listings = answer.putArray(decision.toLowerCase(java.util.Locale.ROOT));
			for (JsonNode score : scores) {
				JsonNode pursuit = pursuits.get(score.path("jobKey").asString());
				if (ended(pursuit)) {
					continue;
				}
				if (listings.size() == LISTINGS) {
					break;
				}
				ObjectNode listing = listings.addObject();
				listing.setAll((ObjectNode) score);
				if (pursuit != null) {
					listing.set("pursuit", pursuit);
				}
				else {
					listing.putNull("pursuit");
				}
			}
		});
		return answer;
	}

	private static boolean ended(JsonNode pursuit) {
		return pursuit != null
				&& (pursuit.path("outcome").isString() || "HIRED".equals(pursuit.path("stage").asString()));
	}

	/**
	 * The body of a successful answer; an error of the service becomes the same error
	 * here, with the service's own words.
	 */
	private JsonNode body(Upstream.Answer answer) {
		JsonNode body;
		try {
			body = this.json.readTree(answer.body());
		}
		catch (RuntimeException ex) {
			throw new ApiProblem(HttpStatus.BAD_GATEWAY, "upstream-unreadable",
					"A service answered something other than JSON (HTTP " + answer.status() + ")", null);
		}
		if (!answer.ok()) {
			HttpStatus status = Optional.ofNullable(HttpStatus.resolve(answer.status())).orElse(HttpStatus.BAD_GATEWAY);
			throw new ApiProblem(status, "upstream-refused", body.path("detail").asString("The request was refused"),
					null);
		}
		return body;
	}

}
