package com.bidstream.ingest.intake;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.BodyLimits;
import com.bidstream.platform.web.ProblemWriter;

/**
 * The intake's request limits, checked before a body is read:
 * <ul>
 * <li>per agency, a request rate ({@code bidstream.ingest.limits.requests-per-second},
 * {@code burst}) on every write under {@code /api/}: 429 with {@code Retry-After};</li>
 * <li>the listing bodies held in memory at once, across all callers
 * ({@code bidstream.ingest.max-bytes-in-flight}): each listings post or webhook reserves
 * its declared length (its path's bound in {@code bidstream.web.larger-bodies}, 10 MiB,
 * when it declares none) until it is answered, and one that does not fit is answered 503
 * with {@code Retry-After} at once. A handful of maximum-size posts otherwise exhaust a
 * small heap;</li>
 * <li>the same bytes per agency ({@code bidstream.ingest.limits.agency-bytes-in-flight}),
 * so one agency cannot take the whole budget: 429 with {@code Retry-After}.</li>
 * </ul>
 * Imports are spooled to disk, not held in memory: they count against the rate only
 * (their size is capped while spooling). Runs after the API key filter, so an unknown
 * caller holds no budget; a webhook has no agency key and meets the global budget only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class IntakeLimitsFilter extends OncePerRequestFilter {

	static final String LISTINGS = "/api/v1/listings";

	static final String WEBHOOKS = "/api/v1/webhooks/";

	/**
	 * A post holds its reservation for well under a second; the client may try again
	 * soon.
	 */
	static final String RETRY_AFTER_SECONDS = "1";

	private final Semaphore budget;

	private final int agencyCapacity;

	private final Map<String, Semaphore> agencyBudgets = new ConcurrentHashMap<>();

	private final TokenBuckets rates;

	private final ProblemWriter problems;

	private final BodyLimits bodies;

	IntakeLimitsFilter(@Value("${bidstream.ingest.max-bytes-in-flight:64MB}") DataSize maxBytesInFlight,
			@Value("${bidstream.ingest.limits.agency-bytes-in-flight:32MB}") DataSize agencyBytesInFlight,
			@Value("${bidstream.ingest.limits.requests-per-second:100}") double requestsPerSecond,
			@Value("${bidstream.ingest.limits.burst:200}") int burst, ProblemWriter problems, BodyLimits bodies) {
		this.bodies = bodies;
		long largest = Math.max(bodies.bytesFor(LISTINGS), bodies.bytesFor(WEBHOOKS));
		this.budget = new Semaphore(capacity("bidstream.ingest.max-bytes-in-flight", maxBytesInFlight, largest));
		this.agencyCapacity = capacity("bidstream.ingest.limits.agency-bytes-in-flight", agencyBytesInFlight, largest);
		this.rates = new TokenBuckets(requestsPerSecond, burst);
		this.problems = problems;
	}

	private static int capacity(String property, DataSize size, long largestBody) {
		long capacity = size.toBytes();
		if (capacity < largestBody || capacity > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(property + " must be at least " + largestBody
					+ " bytes (one maximum-size post) and below 2GB, not " + size);
		}
		return (int) capacity;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !(("POST".equals(method) || "PUT".equals(method) || "DELETE".equals(method))
				&& path(request).startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String agency = agency(request);
		if (agency != null) {
			long wait = this.rates.take(agency, System.nanoTime());
			if (wait > 0) {
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
				this.problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited",
						"Agency " + agency + " sends more requests than it may; try again in " + wait + " s");
				return;
			}
		}
		String path = path(request);
		if (!(LISTINGS.equals(path) || path.startsWith(WEBHOOKS))) {
			chain.doFilter(request, response);
			return;
		}
		int reserved = reservation(request.getContentLengthLong(), this.bodies.bytesFor(path));
		Semaphore agencyBudget = (agency != null)
				? this.agencyBudgets.computeIfAbsent(agency, (key) -> new Semaphore(this.agencyCapacity)) : null;
		if (agencyBudget != null && !agencyBudget.tryAcquire(reserved)) {
			response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			this.problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Agency " + agency
					+ " has as many listing bytes in flight as it may; try again in " + RETRY_AFTER_SECONDS + " s");
			return;
		}
		try {
			if (!this.budget.tryAcquire(reserved)) {
				response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
				this.problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "busy",
						"The service is reading as many listings as it can hold; try again in " + RETRY_AFTER_SECONDS
								+ " s");
				return;
			}
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.budget.release(reserved);
			}
		}
		finally {
			if (agencyBudget != null) {
				agencyBudget.release(reserved);
			}
		}
	}

	private static String path(HttpServletRequest request) {
		return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
	}

	/**
	 * The agency a write counts against: a member's, or the one an operator acts for.
	 */
	private static String agency(HttpServletRequest request) {
		if (request.getAttribute(Caller.class.getName()) instanceof Caller caller) {
			return caller.isOperator() ? caller.actingAgencyId() : caller.agencyId();
		}
		return null;
	}

	/**
	 * A body declared over the limit is refused without being read, so it reserves no
	 * more than the limit.
	 */
	private static int reservation(long declaredLength, long maxBytes) {
		return (int) ((declaredLength < 0) ? maxBytes : Math.min(declaredLength, maxBytes));
	}

}
