package com.bidstream.reporting.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds a key sent in the address of the sign-in request. The servlet container merges
 * query and form parameters, so a query-string {@code apiKey} would otherwise sign in,
 * and the key would be written to every access log and proxy on the way.
 */
final class KeyInUrl {

	static final String PARAMETER = "apiKey";

	private KeyInUrl() {
	}

	/**
	 * Whether the query string names the key parameter, however its name is
	 * percent-encoded. A query string that cannot be decoded counts as naming it.
	 */
	static boolean present(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return false;
		}
		for (String pair : query.split("[&;]")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			try {
				if (PARAMETER.equals(URLDecoder.decode(name, StandardCharsets.UTF_8))) {
					return true;
				}
			}
			catch (IllegalArgumentException ex) {
				return true;
			}
		}
		return false;
	}

}
