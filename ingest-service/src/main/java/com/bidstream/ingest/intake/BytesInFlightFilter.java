package com.bidstream.ingest.intake;

import java.io.IOException;
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

import com.bidstream.platform.web.ProblemWriter;

/**
 * Bounds the listing bodies held in memory at once to
 * {@code bidstream.ingest.max-bytes-in-flight}: each post reserves its declared length
 * (the 10 MiB maximum when it declares none) until it is answered, and a post that does
 * not fit is answered 503 with {@code Retry-After} at once, before its body is read. A
 * handful of maximum-size posts otherwise exhaust a small heap. Runs after the API key
 * filter, so an unknown caller holds no budget.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class BytesInFlightFilter extends OncePerRequestFilter {

	static final String PATH = "/api/v1/listings";

	/**
	 * A post holds its reservation for well under a second; the client may try again
	 * soon.
	 */
	static final String RETRY_AFTER_SECONDS = "1";

	private final Semaphore budget;

	private final ProblemWriter problems;

	BytesInFlightFilter(@Value("${bidstream.ingest.max-bytes-in-flight:64MB}") DataSize maxBytesInFlight,
			ProblemWriter problems) {
		long capacity = maxBytesInFlight.toBytes();
		if (capacity < ListingsBody.MAX_BYTES || capacity > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("bidstream.ingest.max-bytes-in-flight must be at least 10MB (one "
					+ "maximum-size post) and below 2GB, not " + maxBytesInFlight);
		}
		this.budget = new Semaphore((int) capacity);
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& PATH.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request)));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		int reserved = reservation(request.getContentLengthLong());
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

	/**
	 * A body declared over the limit is refused without being read, so it reserves no
	 * more than the limit.
	 */
	private static int reservation(long declaredLength) {
		return (int) ((declaredLength < 0) ? ListingsBody.MAX_BYTES : Math.min(declaredLength, ListingsBody.MAX_BYTES));
	}

}
