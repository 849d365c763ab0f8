package com.bidstream.reporting.dashboard;

import java.net.URI;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import com.bidstream.platform.security.ApiKeys;
import com.bidstream.platform.security.Caller;

/**
 * {@code GET /} shows the funnel to a signed-in person and the sign-in form otherwise.
 * {@code POST /login} takes the key from the form (never from a URL) and keeps only the
 * {@link Caller} and, server-side, the key in a new HttpOnly session
 * ({@link DashboardSession}); the platform's key filter accepts that session for the
 * dashboard's GET calls to {@code /api/**}, and the page's writes go through
 * {@link QueueController} with the session's token.
 */
@Controller
class DashboardController {

	private static final Logger log = LoggerFactory.getLogger(DashboardController.class);

	/**
	 * Scripts and styles from the dashboard's own files only: no inline script, no
	 * {@code eval}, nothing from another host; the page's calls go to its own origin.
	 */
	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	private final ApiKeys apiKeys;

	private final DashboardPages pages;

	DashboardController(ApiKeys apiKeys, DashboardPages pages) {
		this.apiKeys = apiKeys;
		this.pages = pages;
	}

	@GetMapping("/")
	ResponseEntity<String> home(HttpServletRequest request) {
		return DashboardSession.caller(request)
			.map((caller) -> page(HttpStatus.OK, this.pages.funnel(caller, DashboardSession.csrfToken(request))))
			.orElseGet(() -> page(HttpStatus.OK, this.pages.login(null)));
	}

	/**
	 * Signs in with the key of the form body only: a key in the query string is refused
	 * (400), since the servlet container would otherwise merge it into the parameters.
	 */
	@PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<String> login(HttpServletRequest request) {
		if (!SameOrigin.check(request)) {
			return page(HttpStatus.FORBIDDEN, this.pages.login("Sign in from the dashboard's own page."));
		}
		if (KeyInUrl.present(request)) {
			log.warn("Dashboard sign-in refused: the key was sent in the URL, where access logs may keep it; "
					+ "consider replacing that key");
			return page(HttpStatus.BAD_REQUEST, this.pages
				.login("Send the key with the sign-in form, never in the address. Consider replacing that key."));
		}
		Optional<Caller> caller = this.apiKeys.authenticate(request.getParameter(KeyInUrl.PARAMETER));
		if (caller.isEmpty()) {
			log.info("Dashboard sign-in refused: unknown key");
			return page(HttpStatus.UNAUTHORIZED, this.pages.login("That key is not valid. Check it and try again."));
		}
		DashboardSession.signIn(request, caller.get(), request.getParameter(KeyInUrl.PARAMETER));
		log.info("Dashboard sign-in as {} {}", caller.get().role(),
				caller.get().isOperator() ? "" : caller.get().agencyId());
		return home();
	}

	@PostMapping("/logout")
	ResponseEntity<String> logout(HttpServletRequest request) {
		if (!SameOrigin.check(request)) {
			// refused as a cross-site sign-in is, not answered as if it had signed out
			return page(HttpStatus.FORBIDDEN, this.pages.login("Sign out from the dashboard's own page."));
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return home();
	}

	private static ResponseEntity<String> home() {
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/")).build();
	}

	private static ResponseEntity<String> page(HttpStatus status, String html) {
		return ResponseEntity.status(status)
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", POLICY)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "same-origin")
			.body(html);
	}

}
