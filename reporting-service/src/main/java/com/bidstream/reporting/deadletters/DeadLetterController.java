package com.bidstream.reporting.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
import com.bidstream.platform.web.FieldError;

/**
 * {@code GET /api/v1/dead-letters} and {@code POST /api/v1/dead-letters/redrive}, for
 * operator keys only. A broker that does not answer in time gives 503.
 */
@RestController
@RequestMapping("/api/v1/dead-letters")
class DeadLetterController {

	static final int MAX_LIMIT = 1000;

	private final DeadLetters deadLetters;

	private final DeadLetterRedriver redriver;

	DeadLetterController(DeadLetters deadLetters, DeadLetterRedriver redriver) {
		this.deadLetters = deadLetters;
		this.redriver = redriver;
	}

	@GetMapping
	DeadLetterList list(Caller caller, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "100") int limit) {
		caller.requireOperator();
		Optional<String> named = Optional.ofNullable(topic).filter((value) -> !value.isBlank()).map(String::strip);
		if (named.isPresent() && !DeadLetterId.isErrorTopic(named.get())) {
			throw ApiProblem.invalidField("topic", "must name a dead-letter topic, error.<topic>.<group>");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return new DeadLetterList(brokerCall(() -> this.deadLetters.newest(named, limit)));
	}

	@PostMapping("/redrive")
	ResponseEntity<RedriveResult> redrive(Caller caller, @RequestBody JsonNode body) {
		caller.requireOperator();
		RedriveRequest request = RedriveRequest.read(body);
		DeadLetterRedriver.Outcome outcome = brokerCall(() -> request.topic()
			.map(this.redriver::redriveAll)
			.orElseGet(() -> this.redriver.redrive(request.ids())));
		if (!outcome.refused().isEmpty()) {
			List<FieldError> errors = new ArrayList<>();
			outcome.refused().forEach((index, why) -> errors.add(new FieldError("ids[" + index + "]", why)));
			throw ApiProblem.validation(errors);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new RedriveResult(outcome.redriven(), outcome.skipped()));
	}

	private static <T> T brokerCall(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (BrokerUnavailableException ex) {
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", ex.getMessage(), null);
		}
	}

	record DeadLetterList(List<DeadLetter> deadLetters) {

	}

	/**
	 * {@code skipped}: messages of a whole-topic redrive whose original topic could not
	 * be told.
	 */
	record RedriveResult(int redriven, int skipped) {

	}

}
