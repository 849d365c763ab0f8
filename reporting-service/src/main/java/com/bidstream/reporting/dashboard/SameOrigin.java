package com.bidstream.reporting.dashboard;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refuses a sign-in or sign-out form posted from another site: when the browser sends an
 * {@code Origin}, its host and port must be the ones the request was sent to.
 */
final class SameOrigin {

	private SameOrigin() {
	}

	static boolean check(HttpServletRequest request) {
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return true;
		}
		try {
			URI uri = URI.create(origin);
			int port = (uri.getPort() != -1) ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
			return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
