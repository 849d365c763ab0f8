package com.bidstream.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Bounds a JSON or form request body before anything parses it ({@link BodyLimits}): a
 * {@code Content-Length} over the bound answers 413 problem+json at once; a body sent
 * without one (chunked) answers 413 when it passes the bound. Spring reads a
 * {@code @RequestBody}, and a form sent by PUT, PATCH or DELETE, whole into memory, so
 * without a bound a few large requests would exhaust a service's heap. A path named in
 * {@code larger-bodies} is bounded whatever its body's type, so an endpoint that reads
 * its body itself needs no check of its own. Bodies of other types elsewhere (an import's
 * file) are each endpoint's to bound.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimits limits;

	private final ProblemWriter problems;

	public RequestBodyLimitFilter(BodyLimits limits, ProblemWriter problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the path as Spring MVC routes it: decoded, without ';' parameters (a raw URI
		// such as
		// /api/v1/pursuits;x=1/import reaches the same handler and must meet the same
		// bound)
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		if (!bounded(request.getContentType()) && !this.limits.names(path)) {
			chain.doFilter(request, response);
			return;
		}
		long maxBytes = this.limits.bytesFor(path);
		if (request.getContentLengthLong() > maxBytes) {
			this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge(maxBytes));
			return;
		}
		chain.doFilter(new Bounded(request, maxBytes, tooLarge(maxBytes)), response);
	}

	private static String tooLarge(long maxBytes) {
		long mib = 1024 * 1024;
		String size = (maxBytes % mib == 0) ? (maxBytes / mib) + " MiB" : maxBytes + " bytes";
		return "A request body here may hold at most " + size;
	}

	private static boolean bounded(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
					|| (type.getSubtype() != null && type.getSubtype().endsWith("+json"));
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The request with a body that fails past the bound.
	 */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long maxBytes;

		private final String detail;

		private ServletInputStream stream;

		private BufferedReader reader;

		Bounded(HttpServletRequest request, long maxBytes, String detail) {
			super(request);
			this.maxBytes = maxBytes;
			this.detail = detail;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new Counting(super.getInputStream(), this.maxBytes, this.detail);
			}
			return this.stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(),
						(getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8"));
			}
			return this.reader;
		}

	}

	private static final class Counting extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private final String detail;

		private long read;

		Counting(ServletInputStream delegate, long maxBytes, String detail) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
			this.detail = detail;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			this.read += n;
			if (this.read > this.maxBytes) {
				throw ApiProblem.payloadTooLarge(this.detail);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
