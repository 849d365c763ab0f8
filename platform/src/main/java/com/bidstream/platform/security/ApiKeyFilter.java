package com.bidstream.platform.security;

import java.io.IOException;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.bidstream.contracts.AgencyIds;
import com.bidstream.platform.web.ProblemWriter;

/**
 * Authenticates every {@code /api/**} call (the filter is registered for that path only)
 * by its {@code X-Api-Key} (or, for GET, by a dashboard session that signed in with a
 * key) and leaves the {@link Caller} on the request. Paths listed in
 * {@code bidstream.security.public-paths} (webhooks, signed by their sender) pass without
 * a key; their controller authenticates them.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Api-Key";

	public static final String AGENCY_HEADER = "X-Agency-Id";

	/** Session attribute holding the {@link Caller} of a signed-in dashboard user. */
	public static final String SESSION_CALLER = "bidstream.caller";

	static final String REQUEST_CALLER = Caller.class.getName();

	private final ApiKeys apiKeys;

	private final ProblemWriter problems;

	private final List<String> publicPaths;

	public ApiKeyFilter(ApiKeys apiKeys, ProblemWriter problems) {
		this(apiKeys, problems, List.of());
	}

	/**
	 * @param publicPaths path prefixes under {@code /api/} that authenticate otherwise (a
	 * webhook by its signature) and are let through without a key
	 */
	public ApiKeyFilter(ApiKeys apiKeys, ProblemWriter problems, List<String> publicPaths) {
		this.apiKeys = apiKeys;
		this.problems = problems;
		this.publicPaths = List.copyOf(publicPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return this.publicPaths.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (moreThanOne(request, HEADER) || moreThanOne(request, AGENCY_HEADER)) {
			// two keys, or two agencies: which one the request acts as would be a guess
			this.problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
					"Send one X-Api-Key header (and at most one X-Agency-Id), not several");
			return;
		}
		Optional<Caller> caller = identify(request);
		if (caller.isEmpty()) {
			this.problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
					"A valid X-Api-Key header is required");
			return;
		}
		String actingAgency = request.getHeader(AGENCY_HEADER);
		if (actingAgency != null && !AgencyIds.isValid(actingAgency)) {
			this.problems.write(response, HttpStatus.BAD_REQUEST, "invalid-agency",
					"X-Agency-Id must be " + AgencyIds.RULE);
			return;
		}
		if (caller.get().isOperator() && actingAgency != null) {
			caller = Optional.of(Caller.operator(actingAgency));
		}
		else if (actingAgency != null && !actingAgency.equals(caller.get().agencyId())) {
			// a member acts for its own agency only: a write meant for another one went
			// to the member's own without a word
			this.problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "This key is of agency "
					+ caller.get().agencyId() + " and acts for it only; X-Agency-Id names " + actingAgency);
			return;
		}
		request.setAttribute(REQUEST_CALLER, caller.get());
		chain.doFilter(request, response);
	}

	private static boolean moreThanOne(HttpServletRequest request, String header) {
		Enumeration<String> values = request.getHeaders(header);
		if (values == null || !values.hasMoreElements()) {
			return false;
		}
		values.nextElement();
		return values.hasMoreElements();
	}

	private Optional<Caller> identify(HttpServletRequest request) {
		String key = request.getHeader(HEADER);
		if (key != null) {
			return this.apiKeys.authenticate(key);
		}
		HttpSession session = request.getSession(false);
		if (session != null && "GET".equals(request.getMethod())
				&& session.getAttribute(SESSION_CALLER) instanceof Caller signedIn) {
			return Optional.of(signedIn);
		}
		return Optional.empty();
	}

}
