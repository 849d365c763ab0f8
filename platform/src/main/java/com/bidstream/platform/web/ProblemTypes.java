package com.bidstream.platform.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Problem type URIs and the finishing touches every problem body gets.
 */
final class ProblemTypes {

	static final String BASE = "https://bidstream.dev/problems/";

	private ProblemTypes() {
	}

	static URI of(String slug) {
		return URI.create(BASE + slug);
	}

	/**
	 * Spring leaves {@code type} out when it is {@code about:blank}; the contract wants
	 * it always.
	 */
	static ProblemDetail complete(ProblemDetail problem) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(of(slugFor(HttpStatusCode.valueOf(problem.getStatus()))));
		}
		if (problem.getTitle() == null) {
			problem.setTitle(titleFor(problem.getStatus()));
		}
		if (problem.getDetail() == null) {
			problem.setDetail(problem.getTitle());
		}
		return problem;
	}

	static String slugFor(HttpStatusCode status) {
		return titleFor(status.value()).toLowerCase(Locale.ROOT).replace(' ', '-');
	}

	static String titleFor(int status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
		return (known != null) ? known.getReasonPhrase() : "Error";
	}

}
