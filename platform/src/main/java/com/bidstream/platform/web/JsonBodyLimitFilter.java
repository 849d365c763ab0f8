package com.bidstream.platform.web;

import java.io.IOException;

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

/**
 * Bounds a JSON request body before anything parses it
 * ({@code bidstream.web.max-json-body}, 1 MiB unless a service says otherwise): a
 * {@code Content-Length} over the bound answers 413 problem+json at once; a body sent
 * without one (chunked) answers 413 when it passes the bound. A body bound by
 * {@code @RequestBody} is otherwise read whole into memory, so a few large posts would
 * exhaust a service's heap. Bodies of other types (an import's file) are each endpoint's
 * to bound.
 */
public class JsonBodyLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemWriter problems;

	public JsonBodyLimitFilter(long maxBytes, ProblemWriter problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!json(request.getContentType())) {
			chain.doFilter(request, response);
			return;
		}
		if (request.getContentLengthLong() > this.maxBytes) {
			this.problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", tooLarge());
			return;
		}
		chain.doFilter(new Bounded(request, this.maxBytes, tooLarge()), response);
	}

	private String tooLarge() {
		long mib = 1024 * 1024;
		String size = (this.maxBytes % mib == 0) ? (this.maxBytes / mib) + " MiB" : this.maxBytes + " bytes";
		return "A JSON body here may hold at most " + size;
	}

	private static boolean json(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.isCompatibleWith(MediaType.APPLICATION_JSON)
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
		public java.io.BufferedReader getReader() throws IOException {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					(getCharacterEncoding() != null) ? getCharacterEncoding() : "UTF-8"));
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
