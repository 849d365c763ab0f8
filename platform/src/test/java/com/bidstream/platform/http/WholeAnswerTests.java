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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The whole answer within the patience, with real sockets: a body sent a byte a second is
 * given up (the JDK's own request timeout, here 30 s, would not end it), a prompt one
 * read.
 */
class WholeAnswerTests {

	private final ExecutorService senders = Executors.newCachedThreadPool();

	private final HttpClient client = HttpClient.newHttpClient();

	private HttpServer server;

	@BeforeEach
	void serve() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/slow", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 6; i++) {
					out.write('x');
					out.flush();
					Thread.sleep(1_000);
				}
			}
			catch (InterruptedException | IOException ex) {
				// the client gave up: what the test wants
			}
		});
		this.server.createContext("/prompt", (exchange) -> {
			exchange.sendResponseHeaders(200, 2);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write("ok".getBytes());
			}
		});
		this.server.setExecutor(this.senders);
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
		this.senders.shutdownNow();
	}

	@Test
	void aBodySentSlowlyIsGivenUpAtThePatience() {
		assertThatExceptionOfType(HttpTimeoutException.class).isThrownBy(() -> WholeAnswer.send(this.client,
				request("/slow"), HttpResponse.BodyHandlers.ofString(), Duration.ofMillis(1_500)));
	}

	@Test
	void aPromptAnswerIsRead() throws Exception {
		assertThat(WholeAnswer
			.send(this.client, request("/prompt"), HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5))
			.body()).isEqualTo("ok");
	}

	private HttpRequest request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

}
