package com.bidstream.tracking.pursuits;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.DeclaredCharset;
import com.bidstream.platform.web.StorableText;

/**
 * {@code /api/v1/pursuits}: report funnel events, read pursuits.
 */
@RestController
@RequestMapping("/api/v1/pursuits")
class PursuitController {

	static final int LOOKUP_KEYS = 1000;

	private static final int MAX_JOB_KEY = 300;

	private final PursuitService pursuits;

	private final PursuitImport imports;

	private final Clock clock;

	PursuitController(PursuitService pursuits, PursuitImport imports, Clock clock) {
		this.clock = clock;
		this.pursuits = pursuits;
		this.imports = imports;
	}

	/**
	 * Backfills history from CSV ({@link PursuitImport}): 200 with what it recorded, and
	 * the rows it rejected with their reasons.
	 */
	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	PursuitImport.Result backfill(Caller caller, jakarta.servlet.http.HttpServletRequest request)
			throws java.io.IOException {
		String agencyId = caller.writeAgency();
		// bounded at 10 MiB by the platform's RequestBodyLimitFilter
		// (bidstream.web.larger-bodies)
		byte[] body = request.getInputStream().readAllBytes();
		return this.imports.run(agencyId,
				DeclaredCharset.decode(body, DeclaredCharset.of(request.getContentType()), "The CSV"));
	}

	/**
	 * 201 with the pursuit after the event; 200 with it when the event id was already
	 * recorded on this pursuit.
	 */
	@PostMapping("/{jobKey}/events")
	ResponseEntity<PursuitView> record(Caller caller, @PathVariable String jobKey, @RequestBody JsonNode body) {
		String agencyId = caller.writeAgency();
		EventCommand command = EventRequestReader.read(body, this.clock.instant());
		PursuitService.Recorded recorded;
		try {
			recorded = this.pursuits.record(agencyId, jobKey, command);
		}
		catch (DuplicateKeyException ex) {
			// the agency used the same event id for another pursuit at the same moment
			throw ApiProblem.conflict("event-id-reused",
					"The eventId " + command.eventId() + " was already used for another pursuit");
		}
		return ResponseEntity.status(recorded.created() ? HttpStatus.CREATED : HttpStatus.OK).body(recorded.pursuit());
	}

	@GetMapping("/{jobKey}")
	PursuitView find(Caller caller, @PathVariable String jobKey, @RequestParam(required = false) String agency) {
		return this.pursuits.find(caller.resourceAgency(agency), jobKey);
	}

	/**
	 * The agency's pursuits, newest first, without their history; an operator sees every
	 * agency unless {@code agency=} names one. A blank filter ({@code ?stage=}) is no
	 * filter.
	 */
	@GetMapping
	PursuitList list(Caller caller, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String freelancerId,
			@RequestParam(required = false) String segment, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String agency) {
		return new PursuitList(this.pursuits.list(new PursuitQuery(caller.readScope(agency), stage(stage),
				outcome(outcome), filter("freelancerId", freelancerId), segment(segment), limit(limit))));
	}

	/**
	 * The pursuits of these listings of one agency, without their history (those that
	 * exist; an unknown jobKey is left out): {@code {"jobKeys": [...]}}, at most
	 * {@value #LOOKUP_KEYS}. A member reads its own agency's; an operator names one, by
	 * {@code agency=} or {@code X-Agency-Id}. The dashboard's Queue asks this for the
	 * listings it ranks, so a pursuit of any age is found.
	 */
	@PostMapping("/lookup")
	PursuitList lookup(Caller caller, @RequestBody JsonNode body, @RequestParam(required = false) String agency) {
		String agencyId = caller.resourceAgency(agency);
		return new PursuitList(this.pursuits.lookup(agencyId, jobKeys(body)));
	}

	private static List<String> jobKeys(JsonNode body) {
		JsonNode keys = (body != null && body.isObject()) ? body.get("jobKeys") : null;
		if (keys == null || !keys.isArray()) {
			throw ApiProblem.invalidField("jobKeys", "must be an array of jobKeys");
		}
		if (keys.size() > LOOKUP_KEYS) {
			throw ApiProblem.invalidField("jobKeys", "must hold at most " + LOOKUP_KEYS + " jobKeys");
		}
		List<String> jobKeys = new ArrayList<>();
		for (JsonNode key : keys) {
			if (!key.isString() || key.stringValue().isBlank() || key.stringValue().length() > MAX_JOB_KEY
					|| key.stringValue().chars().anyMatch(Character::isISOControl)) {
				throw ApiProblem.invalidField("jobKeys",
						"must hold jobKeys: strings of 1 to " + MAX_JOB_KEY + " characters without control characters");
			}
			jobKeys.add(key.stringValue());
		}
		return jobKeys;
	}

	private static Optional<String> filter(String field, String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String control = StorableText.controlProblem(value, false);
		if (control != null) {
			throw ApiProblem.invalidField(field, control);
		}
		return Optional.of(value.strip());
	}

	/**
	 * LOST or WITHDRAWN, in any case: a pursuit that ended without a hire keeps the stage
	 * it reached, so {@code stage=} cannot find it ({@code stage=LOST} answered 400).
	 */
	private static Optional<Outcome> outcome(String outcome) {
		try {
			return filter("outcome", outcome).map((name) -> Outcome.valueOf(name.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("outcome", "must be one of " + List.of(Outcome.values()));
		}
	}

	/**
	 * The stage named, in any case ({@code queued} is {@code QUEUED}).
	 */
	private static Optional<Stage> stage(String stage) {
		try {
			return filter("stage", stage).map((name) -> Stage.valueOf(name.toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("stage", "must be one of " + List.of(Stage.values()));
		}
	}

	/**
	 * One of the contract's segments, in any case; another answers 400 rather than an
	 * empty list that reads as "no pursuits".
	 */
	private static Optional<String> segment(String segment) {
		Optional<String> named = filter("segment", segment).map((name) -> name.toLowerCase(Locale.ROOT));
		if (named.isPresent() && !ListingScored.SEGMENTS.contains(named.get())) {
			throw ApiProblem.invalidField("segment", "must be one of " + ListingScored.SEGMENTS);
		}
		return named;
	}

	private static int limit(Integer limit) {
		if (limit == null) {
			return PursuitQuery.DEFAULT_LIMIT;
		}
		if (limit < 1 || limit > PursuitQuery.MAX_LIMIT) {
			throw ApiProblem.invalidField("limit", "must be between 1 and " + PursuitQuery.MAX_LIMIT);
		}
		return limit;
	}

	/**
	 * The answer of {@code GET /api/v1/pursuits}.
	 */
	record PursuitList(List<PursuitView> pursuits) {

	}

}
