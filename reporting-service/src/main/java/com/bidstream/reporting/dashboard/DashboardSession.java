package com.bidstream.reporting.dashboard;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;

import com.bidstream.platform.security.ApiKeyFilter;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;

/**
 * What a signed-in person's session holds: the {@link Caller} (which the platform's key
 * filter reads for GETs of {@code /api/**}), the key itself, server-side only, for the
 * dashboard's calls to scoring and tracking, and a synchronizer token that every write of
 * the page must send back in {@value #CSRF_HEADER}.
 */
final class DashboardSession {

	static final String CSRF_HEADER = "X-CSRF-Token";

	static final String KEY = "bidstream.dashboard.key";

	static final String CSRF = "bidstream.dashboard.csrf";

	private static final SecureRandom random = new SecureRandom();

	private DashboardSession() {
	}

	/**
	 * Starts a new session (never reusing one that existed before the sign-in).
	 */
	static void signIn(HttpServletRequest request, Caller caller, String key) {
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		HttpSession session = request.getSession(true);
		session.setAttribute(ApiKeyFilter.SESSION_CALLER, caller);
		session.setAttribute(KEY, new SessionKey(key));
		byte[] token = new byte[32];
		random.nextBytes(token);
		session.setAttribute(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(token));
	}

	static Optional<Caller> caller(HttpServletRequest request) {
		return Optional.ofNullable(request.getSession(false))
			.map((session) -> session.getAttribute(ApiKeyFilter.SESSION_CALLER))
			.filter(Caller.class::isInstance)
			.map(Caller.class::cast);
	}

	static String csrfToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(CSRF) instanceof String token) ? token : "";
	}

	/**
	 * The key of the dashboard's signed-in person, if the request carries their session.
	 */
	static Optional<String> key(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null && session.getAttribute(KEY) instanceof SessionKey key) ? Optional.of(key.value())
				: Optional.empty();
	}

	/**
	 * The signed-in person with their key, for a read (401 without a session).
	 */
	static SignedIn reader(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ApiKeyFilter.SESSION_CALLER) instanceof Caller caller)
				|| !(session.getAttribute(KEY) instanceof SessionKey key)) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in to the dashboard first", null);
		}
		return new SignedIn(caller, key.value());
	}

	/**
	 * The signed-in person for a write: it must come from the dashboard's own page (same
	 * origin) and carry the session's token (403 otherwise), so that another site cannot
	 * make a signed-in browser post.
	 */
	static SignedIn writer(HttpServletRequest request) {
		SignedIn signedIn = reader(request);
		if (!SameOrigin.check(request)) {
			throw ApiProblem.forbidden("Changes are accepted from the dashboard's own page only");
		}
		String sent = request.getHeader(CSRF_HEADER);
		String expected = csrfToken(request);
		if (sent == null || expected.isEmpty() || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8))) {
			throw ApiProblem.forbidden("The page's token is missing or stale; reload the dashboard");
		}
		return signedIn;
	}

	record SignedIn(Caller caller, String key) {

		@Override
		public String toString() {
			return "SignedIn[" + this.caller + "]";
		}

	}

}
