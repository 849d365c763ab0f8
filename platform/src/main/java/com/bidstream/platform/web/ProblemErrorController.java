package com.bidstream.platform.web;

import java.net.URI;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page every servlet error is forwarded to (Spring Boot's {@code /error}), as
 * problem+json: a status the container set on its own (405 for {@code TRACE}), and an
 * exception thrown outside Spring MVC's handlers (a filter reading unreadable
 * parameters). Replaces Spring Boot's {@code BasicErrorController}, whose body is not
 * problem+json, and answers 404 to a request for {@code /error} itself, which is no
 * resource of the API.
 */
@RestController
public class ProblemErrorController implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

	@Hidden
	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		ProblemDetail problem;
		Optional<ApiProblem> refused = Causes.first(failure, ApiProblem.class);
		if (code == null) {
			problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
		}
		else if (refused.isPresent()) {
			// a filter refused the request (a body over its bound read by another filter)
			problem = ProblemAdvice.problemOf(refused.get());
		}
		else if (ProblemAdvice.unreadableParameters(failure)) {
			problem = ProblemAdvice.unreadableParametersProblem(failure);
		}
		else {
			HttpStatus status = HttpStatus.resolve((Integer) code);
			problem = ProblemDetail.forStatus((status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR);
			if (problem.getStatus() >= 500) {
				problem.setDetail("The request could not be completed; the error was logged");
				log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), failure);
			}
		}
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri) {
			// the request that failed, not this page
			try {
				problem.setInstance(URI.create(uri));
			}
			catch (IllegalArgumentException ex) {
				// a path no URI holds: left out
			}
		}
		return ResponseEntity.status(problem.getStatus())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemTypes.complete(problem));
	}

}
