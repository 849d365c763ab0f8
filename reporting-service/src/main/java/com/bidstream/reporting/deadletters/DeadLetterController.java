package com.bidstream.reporting.deadletters;

import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;

/**
 * {@code GET /api/v1/dead-letters} and {@code POST /api/v1/dead-letters/redrive}, for
 * operator keys only. A broker that does not answer in time gives 503.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

	static final int MAX_LIMIT = 1000;

	private final DeadLetters deadLetters;

	private final DeadLetterRedrives redrives;

	DeadLetterController(DeadLetters deadLetters, DeadLetterRedrives redrives) {
		this.deadLetters = deadLetters;
		this.redrives = redrives;
	}

	@GetMapping
	DeadLetterList list(Caller caller, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "100") int limit) {
		caller.requireOperator();
		Optional<String> named = Optional.ofNullable(topic).filter((value) -> !value.isBlank()).map(String::strip);
		if (named.isPresent() && !DeadLetterId.isErrorTopic(named.get())) {
			throw ApiProblem.invalidField("topic", DeadLetterId.NOT_AN_ERROR_TOPIC);
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return new DeadLetterList(DeadLetterRedrives.brokerCall(() -> this.deadLetters.newest(named, limit)));
	}

	@PostMapping("/redrive")
	ResponseEntity<DeadLetterRedrives.Result> redrive(Caller caller, @RequestBody JsonNode body) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.redrives.redrive(caller, body));
	}

	record DeadLetterList(List<DeadLetter> deadLetters) {

	}

}
