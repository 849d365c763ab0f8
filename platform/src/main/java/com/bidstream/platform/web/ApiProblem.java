package com.bidstream.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error a client should see, rendered as problem+json by {@link ProblemAdvice}.
 * {@code slug} names the problem type ({@code https://bidstream.dev/problems/<slug>}).
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final List<FieldError> errors;

	public ApiProblem(HttpStatus status, String slug, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	public static ApiProblem badRequest(String slug, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, slug, detail, null);
	}

	/**
	 * A body that is JSON but no object where one is read, shaped as the platform's other
	 * bodies of the wrong shape ({@code ProblemAdvice}): the field is {@code $}.
	 */
	public static ApiProblem notAnObject() {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "malformed-body", "The request body must be a JSON object",
				List.of(new FieldError("$", "must be a JSON object")));
	}

	public static ApiProblem validation(List<FieldError> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields", errors);
	}

	public static ApiProblem invalidField(String field, String message) {
		return validation(List.of(new FieldError(field, message)));
	}

	public static ApiProblem notFound(String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", detail, null);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", detail, null);
	}

	public static ApiProblem conflict(String slug, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, slug, detail, null);
	}

	public static ApiProblem payloadTooLarge(String detail) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", detail, null);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
