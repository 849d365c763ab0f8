package com.bidstream.platform.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call of the JDK's {@link HttpClient} whose whole answer, body included, is waited for
 * at most a given time. The client's own request timeout ends when the answer's headers
 * arrive, so a server that sends its headers and then a byte a second holds the caller's
 * thread for as long as it likes; past the time the exchange is cancelled here. Every
 * call a service makes to another server goes through it: ingest's feed polls,
 * reporting's calls to the other services.
 */
public final class WholeAnswer {

	private WholeAnswer() {
	}

	/**
	 * Sends {@code request} and reads its answer with {@code body}, within
	 * {@code patience}, failing as {@link HttpClient#send} does.
	 * @throws HttpTimeoutException the answer was not whole in time (a
	 * {@link java.net.http.HttpConnectTimeoutException} when no connection was made)
	 * @throws IOException the exchange failed
	 * @throws RuntimeException what the body handler or its subscriber failed with
	 */
	public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body,
			Duration patience) throws IOException, InterruptedException {
		CompletableFuture<HttpResponse<T>> sent = client.sendAsync(request, body);
		try {
			return sent.get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			sent.cancel(true);
			throw new HttpTimeoutException("no whole answer within " + patience.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			sent.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException failure) {
				throw failure;
			}
			if (cause instanceof RuntimeException failure) {
				throw failure;
			}
			if (cause instanceof Error failure) {
				throw failure;
			}
			throw new IOException(cause);
		}
	}

}
