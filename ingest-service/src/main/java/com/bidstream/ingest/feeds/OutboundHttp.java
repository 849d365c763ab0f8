package com.bidstream.ingest.feeds;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.bidstream.platform.http.WholeAnswer;

/**
 * Every call a feed makes: a connect timeout, a timeout for the whole answer, a cap on
 * its size (read no further than the cap), no redirects followed (a redirect could lead
 * past the {@link AddressGuard}), and the guard checked before each call.
 */
@Component
class OutboundHttp {

	private final HttpClient client;

	private final Duration readTimeout;

	private final long maxBytes;

	private final AddressGuard guard;

	OutboundHttp(@Value("${bidstream.ingest.feeds.connect-timeout:5s}") Duration connectTimeout,
			@Value("${bidstream.ingest.feeds.read-timeout:20s}") Duration readTimeout,
			@Value("${bidstream.ingest.feeds.max-response:16MB}") DataSize maxResponse, AddressGuard guard) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.readTimeout = readTimeout;
		this.maxBytes = maxResponse.toBytes();
		this.guard = guard;
	}

	byte[] get(String url, String accept) {
		return send(request(url).header("Accept", accept).GET().build());
	}

	byte[] postJson(String url, String bearerToken, byte[] body) {
		HttpRequest.Builder request = request(url).header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (bearerToken != null) {
			request.header("Authorization", "Bearer " + bearerToken);
		}
		return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
	}

	private HttpRequest.Builder request(String url) {
		String problem = this.guard.problem(url);
		if (problem != null) {
			throw new FeedException("The feed URL " + problem);
		}
		return HttpRequest.newBuilder(URI.create(url)).timeout(this.readTimeout).header("User-Agent", "bidstream");
	}

	/**
	 * Where a redirect points, so that the feed can be given that URL: a feed follows no
	 * redirect (its address was checked when it was made, and the target's was not), and
	 * "answered HTTP 302" alone left the user to find it.
	 */
	static String redirect(int status, String location) {
		if (status < 300 || status > 399 || location == null || location.isBlank()) {
			return "";
		}
		String shown = location.strip().replaceAll("\\p{Cntrl}", "");
		shown = (shown.length() > 300) ? shown.substring(0, 300) + "…" : shown;
		return " (a redirect to " + shown + ", which a feed does not follow: make the feed with that URL)";
	}

	/**
	 * Sends and reads the whole answer within {@link #readTimeout} ({@link WholeAnswer}).
	 */
	private byte[] send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = WholeAnswer.send(this.client, request, (answer) -> {
				int status = answer.statusCode();
				return new CappedBody((status >= 200 && status <= 299) ? this.maxBytes : -1);
			}, this.readTimeout);
			int status = response.statusCode();
			if (status < 200 || status > 299) {
				throw new FeedException("The source answered HTTP " + status
						+ ((status == 401 || status == 403) ? " (is the token still valid?)" : "")
						+ redirect(status, response.headers().firstValue("Location").orElse(null)));
			}
			return response.body();
		}
		catch (HttpConnectTimeoutException ex) {
			throw new FeedException("The source could not be reached: no connection was made in time");
		}
		catch (HttpTimeoutException ex) {
			throw new FeedException("The source did not answer in time");
		}
		catch (CappedBody.TooLarge ex) {
			throw new FeedException(
					"The source's answer is larger than the " + this.maxBytes + " bytes a feed may send at once");
		}
		catch (IOException ex) {
			throw new FeedException(unreachable(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedException("Interrupted while reading the source");
		}
	}

	/**
	 * An answer's body, read no further than {@code maxBytes} (the exchange cancelled
	 * past it), or not read at all ({@code maxBytes} -1: an error status, which is all
	 * that is wanted of it). Its buffers are kept as they come and joined once.
	 */
	static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

		/** The most one array holds. */
		private static final long LARGEST = Integer.MAX_VALUE - 8;

		private final long maxBytes;

		private final List<ByteBuffer> buffers = new ArrayList<>();

		private final CompletableFuture<byte[]> body = new CompletableFuture<>();

		private long size;

		private Flow.Subscription subscription;

		CappedBody(long maxBytes) {
			this.maxBytes = Math.min(maxBytes, LARGEST);
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.body;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.maxBytes < 0) {
				this.body.complete(new byte[0]);
				subscription.cancel();
				return;
			}
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			if (this.body.isDone()) {
				return;
			}
			for (ByteBuffer buffer : items) {
				this.size += buffer.remaining();
				if (this.size > this.maxBytes) {
					// completed first: the cancel may make the client report an error
					// of its own, which must not replace this one
					this.body.completeExceptionally(new TooLarge());
					this.buffers.clear();
					this.subscription.cancel();
					return;
				}
				this.buffers.add(buffer);
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.body.completeExceptionally(failure);
		}

		@Override
		public void onComplete() {
			byte[] joined = new byte[(int) this.size];
			int at = 0;
			for (ByteBuffer buffer : this.buffers) {
				int length = buffer.remaining();
				buffer.get(joined, at, length);
				at += length;
			}
			this.buffers.clear();
			this.body.complete(joined);
		}

		/**
		 * The answer went past the cap.
		 */
		static final class TooLarge extends RuntimeException {

			TooLarge() {
				super("The answer is larger than the cap", null, false, false);
			}

		}

	}

	/**
	 * What went wrong on the way, in words an operator can act on: a host name that does
	 * not resolve, a connection refused or not made, a TLS handshake that failed, or an
	 * answer broken off.
	 */
	static String unreachable(IOException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
				return "The source could not be reached: its host name does not resolve";
			}
			if (cause instanceof SSLException) {
				return "The source could not be reached: the TLS handshake failed";
			}
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException) {
				String message = cause.getMessage();
				// the JDK's HttpClient gives a refused connection no message at all
				return "The source could not be reached: the connection failed ("
						+ ((message != null && !message.isBlank()) ? message
								: "refused, or the host cannot be reached: is the address and port right, and is "
										+ "the source up?")
						+ ")";
			}
		}
		return "The source broke off its answer";
	}

}
