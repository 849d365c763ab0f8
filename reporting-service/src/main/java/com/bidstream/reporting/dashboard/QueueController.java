package com.bidstream.reporting.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import com.bidstream.contracts.AgencyIds;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.reporting.deadletters.DeadLetterRedrives;

/**
 * The dashboard's own endpoints, for its page only and authorized by its session (not by
 * a key header): the Queue read from scoring and tracking, funnel events recorded in
 * tracking, and dead letters redriven. Writes need the session's token and the page's
 * origin ({@link DashboardSession#writer}), checked before the body is read
 * ({@link SignedInResolver}). Scoring and tracking are called with the signed-in person's
 * own key, so their rules decide; a member's Queue is always their agency's, an operator
 * names the agency it acts for.
 */
@RestController
@RequestMapping("/dashboard/api")
class QueueController {

	private final Queue queue;

	private final Upstream upstream;

	private final DeadLetterRedrives redrives;

	private final JdbcClient jdbc;

	QueueController(Queue queue, Upstream upstream, DeadLetterRedrives redrives, JdbcClient jdbc) {
		this.queue = queue;
		this.upstream = upstream;
		this.redrives = redrives;
		this.jdbc = jdbc;
	}

	@GetMapping("/queue")
	JsonNode queue(DashboardSession.SignedIn as, @RequestParam(required = false) String agency) {
		return this.queue.read(as, agencyFor(as.caller(), agency));
	}

	/**
	 * Records one funnel event in tracking and answers what tracking answered: 201 with
	 * the pursuit, or its problem (409 with the reason of a conflict) as it is.
	 */
	@PostMapping(path = "/queue/{jobKey}/events", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> record(DashboardSession.SignedIn as, jakarta.servlet.http.HttpServletRequest request,
			@PathVariable String jobKey, @RequestParam(required = false) String agency, @RequestBody JsonNode event) {
		if (!event.isObject()) {
			throw ApiProblem.notAnObject();
		}
		Optional<String> acting = agencyFor(as.caller(), agency);
		Upstream.Answer answer = this.upstream.trackingPost(
				"/api/v1/pursuits/" + UriUtils.encodePathSegment(jobKey, StandardCharsets.UTF_8) + "/events",
				event.toString(), as, acting);
		return ResponseEntity.status(answer.status())
			.contentType(MediaType.parseMediaType(answer.mediaType()))
			.body(answer.bodyAt(request.getRequestURI()));
	}

	/**
	 * The agencies whose listings reporting has counted, for an operator's agency fields
	 * (403 for a member, who acts for its own agency only).
	 */
	@GetMapping("/agencies")
	Map<String, List<String>> agencies(DashboardSession.SignedIn as) {
		if (!as.caller().isOperator()) {
			throw ApiProblem.forbidden("Only an operator picks the agency it acts for");
		}
		return Map.of("agencies", this.jdbc.sql("""
				select distinct agency_id from funnel_cells
				 where dimension = 'segment' and span = 'month'
				 order by agency_id limit 1000
				""").query(String.class).list());
	}

	@PostMapping(path = "/dead-letters/redrive", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DeadLetterRedrives.Result> redrive(DashboardSession.SignedIn as, @RequestBody JsonNode body) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.redrives.redrive(as.caller(), body));
	}

	/**
	 * A member acts for its own agency whatever the page sends; an operator must name one
	 * (400 otherwise), as the contract asks of an operator's writes.
	 */
	static Optional<String> agencyFor(Caller caller, String requested) {
		if (!caller.isOperator()) {
			return Optional.empty();
		}
		if (requested == null || requested.isBlank()) {
			throw ApiProblem.invalidField("agency", "pick the agency whose Queue you act on");
		}
		String agency = requested.strip();
		if (!AgencyIds.isValid(agency)) {
			throw ApiProblem.invalidField("agency", "must be " + AgencyIds.RULE);
		}
		return Optional.of(agency);
	}

}
