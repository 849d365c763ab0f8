package com.bidstream.platform.web;

import java.util.Optional;

/**
 * The first of a failure's causes (the failure itself included) of a type: how an error
 * handler finds what a wrapper hides (Tomcat's parameter failure inside Spring's,
 * Jackson's inside a converter's, a filter's {@link ApiProblem} inside the servlet's).
 */
final class Causes {

	private Causes() {
	}

	static <T extends Throwable> Optional<T> first(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

}
