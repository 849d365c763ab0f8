package com.bidstream.reporting.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

/**
 * A redrive as an operator asks for it, by the API ({@code POST
 * /api/v1/dead-letters/redrive}) or from the dashboard: the body read, the messages
 * published back, refusals as problems. Public so that the dashboard's page, whose
 * session the API's key filter accepts for reads only, redrives through the same rules.
 */
public class DeadLetterRedrives {

	private final DeadLetterRedriver redriver;

	DeadLetterRedrives(DeadLetterRedriver redriver) {
		this.redriver = redriver;
	}

	/**
	 * Redrives what the body names, for an operator only (403 otherwise); 400 naming each
	 * refused id, 503 when the broker does not answer in time.
	 */
	public Result redrive(Caller caller, JsonNode body) {
		caller.requireOperator();
		RedriveRequest request = RedriveRequest.read(body);
		DeadLetterRedriver.Outcome outcome = brokerCall(() -> request.topic()
			.map(this.redriver::redriveAll)
			.orElseGet(() -> this.redriver.redrive(request.ids())));
		if (!outcome.refused().isEmpty()) {
			List<FieldError> errors = new ArrayList<>();
			outcome.refused()
				.forEach((index, why) -> errors.add(new FieldError((index < 0) ? "topic" : "ids[" + index + "]", why)));
			throw ApiProblem.validation(errors);
		}
		return new Result(outcome.redriven(), outcome.skipped());
	}

	static <T> T brokerCall(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (BrokerUnavailableException ex) {
			throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", ex.getMessage(), null);
		}
	}

	/**
	 * {@code skipped}: messages of a whole-topic redrive whose original topic could not
	 * be told.
	 */
	public record Result(int redriven, int skipped) {

	}

}
