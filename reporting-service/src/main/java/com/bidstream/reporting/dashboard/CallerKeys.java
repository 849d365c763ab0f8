package com.bidstream.reporting.dashboard;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.bidstream.platform.security.ApiKeyFilter;

/**
 * The key a request was made with, to make a call to another service as the same person:
 * its {@code X-Api-Key}, or the key the dashboard's session keeps server-side.
 */
public final class CallerKeys {

	private CallerKeys() {
	}

	public static Optional<String> of(HttpServletRequest request) {
		String header = request.getHeader(ApiKeyFilter.HEADER);
		if (header != null && !header.isBlank()) {
			return Optional.of(header.strip());
		}
		return DashboardSession.key(request);
	}

}
