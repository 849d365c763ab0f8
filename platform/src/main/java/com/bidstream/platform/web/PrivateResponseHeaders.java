package com.bidstream.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An agency's data is no one else's to keep: every answer under {@code /api/} (and
 * reporting's dashboard API) says {@code Cache-Control: no-store}, so no browser cache or
 * proxy keeps a report, a score or a CSV after the session ends, and
 * {@code X-Content-Type-Options: nosniff}, so a browser reads an answer only as the type
 * it is. An endpoint may still set a cache policy of its own.
 */
public class PrivateResponseHeaders extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		chain.doFilter(request, response);
	}

}
