package com.bidstream.platform.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import com.bidstream.testsupport.TricklingServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole answer within the patience, with real sockets: a body sent a byte a second is
 * given up (the JDK's own request timeout, here 30 s, would not end it), a prompt one
 * read.
 */
class WholeAnswerTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aBodySentSlowlyIsGivenUpAtThePatience() {
		try (TricklingServer slow = new TricklingServer(6)) {
			assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> WholeAnswer.send(this.client,
					request(slow.url()), HttpResponse.BodyHandlers.ofString(), Duration.ofMillis(1_500)));
		}
	}

	@Test
	void aPromptAnswerIsRead() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(200, 2);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("ok".getBytes());
			}
		});
		server.start();
		try {
			URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
			assertThat(WholeAnswer
				.send(this.client, request(url), HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5))
				.body()).isEqualTo("ok");
		}
		finally {
			server.stop(0);
		}
	}

	private static HttpRequest request(URI url) {
		return HttpRequest.newBuilder(url.resolve("/x")).timeout(Duration.ofSeconds(30)).build();
	}

}
