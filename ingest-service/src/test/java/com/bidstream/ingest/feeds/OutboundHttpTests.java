package com.bidstream.ingest.feeds;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A feed that cannot be read says why, in words an operator can act on, with real
 * sockets: a refused connection, a host name that does not resolve, a TLS handshake that
 * fails, an answer broken off.
 */
class OutboundHttpTests {

	private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(2), Duration.ofSeconds(5),
			DataSize.ofMegabytes(1), new AddressGuard(true));

	@Test
	void aRefusedConnectionIsNamed() throws IOException {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}

		assertThat(failure("http://127.0.0.1:" + port + "/rss"))
			.isEqualTo("The source could not be reached: the connection failed (refused, or the host cannot be "
					+ "reached: is the address and port right, and is the source up?)");
	}

	@Test
	void aHostNameThatDoesNotResolveIsNamed() {
		assertThat(failure("http://feed.bidstream-no-such-host.invalid/rss"))
			.isEqualTo("The source could not be reached: its host name does not resolve");
	}

	@Test
	void anAnswerBrokenOffIsNamed() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread closer = new Thread(() -> {
				try (Socket client = server.accept()) {
					client.getInputStream().read(new byte[64]);
					client.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort".getBytes());
				}
				catch (IOException ex) {
					// the client's failure is what the test checks
				}
			});
			closer.start();

			assertThat(failure("http://127.0.0.1:" + server.getLocalPort() + "/rss"))
				.isEqualTo("The source broke off its answer");
			closer.join(5_000);
		}
	}

	@Test
	void aTlsHandshakeThatFailsIsNamed() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// a plain HTTP server where the feed's URL says https: the handshake gets no
			// TLS back
			Thread plain = new Thread(() -> {
				try (Socket client = server.accept()) {
					client.getInputStream().read(new byte[512]);
					client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
				}
				catch (IOException ex) {
					// the client's failure is what the test checks
				}
			});
			plain.start();

			assertThat(failure("https://127.0.0.1:" + server.getLocalPort() + "/rss"))
				.isEqualTo("The source could not be reached: the TLS handshake failed");
			plain.join(5_000);
		}
	}

	private String failure(String url) {
		FeedException failure = catchThrowableOfType(FeedException.class, () -> this.http.get(url, "*/*"));
		assertThat(failure).as(url).isNotNull();
		return failure.getMessage();
	}

}
