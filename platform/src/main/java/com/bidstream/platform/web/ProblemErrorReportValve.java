package com.bidstream.platform.web;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.http.HttpStatus;

/**
 * The error body Tomcat writes itself, for a request it refuses before any servlet sees
 * it (an encoded NUL or slash in the path, characters a URL may not hold): problem+json,
 * like every other error of the API, instead of Tomcat's HTML page. Errors that reach
 * Spring MVC never come here; they have their body already.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	private final ProblemWriter writer = new ProblemWriter();

	/** Tomcat's refusal of a request line or header over its buffer. */
	private static boolean tooLarge(Throwable throwable) {
		for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("too large")) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int code = response.getStatus();
		// the same guard as Tomcat's own: only an error, only once, only with no body yet
		if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus status = HttpStatus.resolve(code);
		if (status == null) {
			status = (code < 500) ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String detail = (status != HttpStatus.BAD_REQUEST) ? status.getReasonPhrase()
				: tooLarge(throwable) ? "The request's URL and headers are larger than the server reads (8 KiB)"
						: "The request is malformed: its URL or headers cannot be read (an encoded NUL or slash in the "
								+ "path, or characters a URL may not hold)";
		try {
			this.writer.write(response, status, ProblemTypes.slugFor(status), detail);
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the response was already taken as text: nothing to
			// write
		}
	}

}
