package com.bidstream.reporting.dashboard;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import com.bidstream.platform.web.ApiProblem;

/**
 * A member's working list: the agency's open {@code PURSUE} and {@code REVIEW} listings,
 * ranked by scoring, each with where its pursuit stands in tracking (stage, outcome,
 * holder), read as the signed-in person. A listing whose pursuit has ended (hired, lost,
 * withdrawn) is no work left and leaves the list: scoring's ranking is read a page at a
 * time ({@code offset=}) until {@value #LISTINGS} open listings are found, the ranking
 * ends, or {@value #DEEPEST} of it were read. Tracking is asked for the pursuits of
 * exactly each page's listings ({@code POST /api/v1/pursuits/lookup}), whatever their
 * age; a listing without one shows no stage. When tracking does not answer, the listings
 * are still shown, without stages, and the answer says so.
 */
@Component
class Queue {

	static final int LISTINGS = 100;

	/** The first page read of scoring's ranking: enough when few have ended. */
	static final int FIRST_PAGE = 200;

	/** Every later page (scoring's largest {@code limit}). */
	static final int PAGE = 500;

	/** How far down the ranking the Queue looks (scoring's deepest {@code offset}). */
	static final int DEEPEST = 10_000;

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
		answer.putNull("trackingProblem");
		for (String decision : DECISIONS) {
			ArrayNode listings = answer.putArray(decision.toLowerCase(Locale.ROOT));
			Set<String> seen = new HashSet<>();
			int offset = 0;
			int page = FIRST_PAGE;
			while (listings.size() < LISTINGS && offset <= DEEPEST) {
				JsonNode scores = body(this.upstream.scoring(
						"/api/v1/scores?decision=" + decision + "&limit=" + page + "&offset=" + offset + scope, as))
					.path("scores");
				Map<String, JsonNode> pursuits = pursuits(scores, named, as, answer);
				for (JsonNode score : scores) {
					String jobKey = score.path("jobKey").asString();
					JsonNode pursuit = pursuits.get(jobKey);
					if (!seen.add(jobKey) || ended(pursuit) || listings.size() == LISTINGS) {
						continue;
					}
					ObjectNode listing = listings.addObject();
					listing.setAll((ObjectNode) score);
					listing.set("pursuit", (pursuit != null) ? pursuit : NullNode.getInstance());
				}
				if (scores.size() < page) {
					break;
				}
				offset += page;
				page = PAGE;
			}
		}
		return answer;
	}

	/**
	 * The pursuits of these ranked listings by jobKey; none when tracking does not answer
	 * (the answer's {@code trackingProblem} says why).
	 */
	private Map<String, JsonNode> pursuits(JsonNode scores, Optional<String> named, DashboardSession.SignedIn as,
			ObjectNode answer) {
		Map<String, JsonNode> pursuits = new HashMap<>();
		if (scores.isEmpty() || !answer.get("trackingProblem").isNull()) {
			// nothing to look up, or tracking did not answer a page already: ask no more
			return pursuits;
		}
		ObjectNode lookup = this.json.createObjectNode();
		ArrayNode jobKeys = lookup.putArray("jobKeys");
		scores.forEach((score) -> jobKeys.add(score.path("jobKey").asString()));
		try {
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
		return pursuits;
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
