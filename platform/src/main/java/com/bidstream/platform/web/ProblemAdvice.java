package com.bidstream.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.bidstream.contracts.JsonShape;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.bidstream.platform.jdbc.DatabaseFailures;

/**
 * Turns every error into problem+json: {@link ApiProblem}s as they are, Spring MVC's own
 * errors with a {@code type}, the database out of reach into a 503 with
 * {@code Retry-After}, and anything else unexpected into a 500 that reveals nothing
 * internal.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	/** A database restart takes seconds; the pool waits up to 10 s for a connection. */
	static final String DATABASE_RETRY_AFTER_SECONDS = "5";

	/** A lock or a deadlock passes once the other work ends. */
	static final String CONTENTION_RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<Object> apiProblem(ApiProblem ex, WebRequest request) {
		return handleExceptionInternal(ex, problemOf(ex), new HttpHeaders(), ex.status(), request);
	}

	/**
	 * The body of an {@link ApiProblem}, wherever it is answered.
	 */
	static ProblemDetail problemOf(ApiProblem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setType(ProblemTypes.of(ex.slug()));
		problem.setTitle(ex.status().getReasonPhrase());
		if (!ex.errors().isEmpty()) {
			problem.setProperty("errors", ex.errors());
		}
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
		return apiProblem(ApiProblem.invalidField(ex.getName(), expected(ex.getRequiredType())), request);
	}

	/**
	 * What a parameter of {@code type} must be, in words (a walkthrough met "has an
	 * invalid value" for {@code excludeNoHire=maybe}).
	 */
	static String expected(@Nullable Class<?> type) {
		if (type == Boolean.class || type == boolean.class) {
			return "must be true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "must be a whole number";
		}
		if (type != null && type.isEnum()) {
			return JsonShape.oneOf(type);
		}
		return "has an invalid value";
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (unreadableParameters(ex)) {
			ProblemDetail problem = unreadableParametersProblem(ex);
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
					request);
		}
		if (DatabaseFailures.isContention(ex)) {
			// a deadlock, a lock or a statement timeout: rolled back, worth another try
			log.warn("The database refused the work of {} for now: {}", request.getDescription(false), ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The request met other work in the database (a lock or a timeout) and was rolled back; "
							+ "nothing was changed. Try again");
			problem.setType(ProblemTypes.of("database-busy"));
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, CONTENTION_RETRY_AFTER_SECONDS);
			return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
		}
		if (DatabaseFailures.isUnreachable(ex)) {
			// nothing was done; the client may try again once the database is back
			log.warn("The database is out of reach on {}: {}", request.getDescription(false), ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The service's database is out of reach; nothing was changed. Try again shortly");
			problem.setType(ProblemTypes.of("database-unavailable"));
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS);
			return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
		}
		log.error("Unexpected error on {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be completed; the error was logged");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * Tomcat reads the query string and a form body when a parameter is first asked for,
	 * and throws when a %-escape is malformed or does not decode to UTF-8: the client's
	 * error, not ours.
	 */
	static boolean unreadableParameters(Throwable ex) {
		return Causes.first(ex, InvalidParameterException.class).isPresent();
	}

	/**
	 * 400, or the status Tomcat gives the failure (413 for a form body over its bound).
	 */
	static ProblemDetail unreadableParametersProblem(Throwable ex) {
		int code = Causes.first(ex, InvalidParameterException.class)
			.map(InvalidParameterException::getErrorCode)
			.filter((tomcat) -> tomcat >= 400 && tomcat < 500)
			.orElse(HttpStatus.BAD_REQUEST.value());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code),
				"The query string or form body cannot be read: a %-escape that is malformed or not UTF-8, "
						+ "too many parameters, or too large a form");
		problem.setType(ProblemTypes.of("malformed-parameters"));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// a body cut off at its bound (RequestBodyLimitFilter) while a converter read it
		Optional<ApiProblem> bound = Causes.first(ex, ApiProblem.class);
		if (bound.isPresent()) {
			return apiProblem(bound.get(), request);
		}
		Optional<String> twice = DuplicateNames.of(ex);
		Optional<MismatchedInputException> shape = Causes.first(ex, MismatchedInputException.class);
		String detail = twice.map(DuplicateNames::problem)
			.orElse(shape.isPresent() ? "The request body is JSON, but not of the shape this request takes"
					: DeclaredCharset.notUtf8(ex) ? DeclaredCharset.notValid(StandardCharsets.UTF_8, "The body")
							: "The request body is not readable JSON");
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ProblemTypes.of("malformed-body"));
		if (twice.isPresent()) {
			problem.setProperty("errors", List.of(new FieldError(twice.get(), "is given twice")));
		}
		else if (shape.isPresent()) {
			problem.setProperty("errors", List.of(wrongShape(shape.get())));
		}
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * The field of a body that holds JSON of another type than the request reads there
	 * ({@code $} for the body itself, say an array where an object belongs), and what it
	 * must be.
	 */
	static FieldError wrongShape(MismatchedInputException ex) {
		JsonShape shape = JsonShape.of(ex);
		return new FieldError(shape.field(), shape.must());
	}

	/**
	 * A path no endpoint serves: in the API's words, not Spring's ("No static resource").
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"Nothing is served at " + ex.getHttpMethod() + " /" + ex.getResourcePath());
		problem.setType(ProblemTypes.of("not-found"));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "A required parameter is missing");
		problem.setType(ProblemTypes.of("validation"));
		problem.setProperty("errors", List.of(new FieldError(ex.getParameterName(), "is required")));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/**
	 * A body of a type the endpoint does not read says which it reads: Spring's detail
	 * ("Content-Type 'null' is not supported") left the client guessing, on the
	 * dashboard's sign-in form for one.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, unsupported(ex));
		problem.setType(ProblemTypes.of("unsupported-media-type"));
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	static String unsupported(HttpMediaTypeNotSupportedException ex) {
		String sent = (ex.getContentType() != null) ? "A body of type " + ex.getContentType()
				: "A body without a Content-Type";
		String reads = ex.getSupportedMediaTypes()
			.stream()
			.map(Object::toString)
			.filter((type) -> !type.contains("*"))
			.distinct()
			.collect(Collectors.joining(" or "));
		return sent + " is not read here" + (reads.isEmpty() ? "" : "; send " + reads);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			ProblemTypes.complete(problem);
		}
		return response;
	}

}
