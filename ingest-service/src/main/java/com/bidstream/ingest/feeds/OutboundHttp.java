package com.bidstream.ingest.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

import javax.net.ssl.SSLException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

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

	private byte[] send(HttpRequest request) {
		try {
			HttpResponse<InputStream> response = this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				int status = response.statusCode();
				if (status < 200 || status > 299) {
					throw new FeedException("The source answered HTTP " + status
							+ ((status == 401 || status == 403) ? " (is the token still valid?)" : ""));
				}
				byte[] bytes = body.readNBytes((int) Math.min(this.maxBytes + 1, Integer.MAX_VALUE - 8));
				if (bytes.length > this.maxBytes) {
					throw new FeedException("The source's answer is larger than the " + this.maxBytes
							+ " bytes a feed may send at once");
				}
				return bytes;
			}
		}
		catch (HttpTimeoutException ex) {
			throw new FeedException("The source did not answer in time");
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
