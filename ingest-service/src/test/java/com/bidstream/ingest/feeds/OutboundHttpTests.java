package com.bidstream.ingest.feeds;

import java.io.IOException;
import java.io.OutputStream;
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

	/**
	 * No test here waits for a connection timeout, so it is generous: once in a full
	 * {@code verify}, {@link #aTlsHandshakeThatFailsIsNamed} read "no connection was made
	 * in time" with 2 s, on a busy machine where the JVM's first TLS handshake also loads
	 * the security providers. The 5 s answer timeout is what the tests drive.
	 */
	private final OutboundHttp http = new OutboundHttp(Duration.ofSeconds(30), Duration.ofSeconds(5),
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
		assertThat(failureAnswered("http", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"))
			.isEqualTo("The source broke off its answer");
	}

	@Test
	void aTlsHandshakeThatFailsIsNamed() throws Exception {
		// a plain HTTP server where the feed's URL says https: the handshake gets no TLS
		// back
		assertThat(failureAnswered("https", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"))
			.isEqualTo("The source could not be reached: the TLS handshake failed");
	}

	@Test
	void anAnswerSentSlowlyIsGivenUpAtTheTimeoutForTheWholeAnswer() throws Exception {
		// the headers at once, then a byte a second for longer than the 5 s timeout: the
		// JDK client's own timeout ends with the headers
		assertThat(failureServed("http", (out) -> {
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\n".getBytes());
			for (int i = 0; i < 12; i++) {
				out.write('x');
				out.flush();
				Thread.sleep(1_000);
			}
		})).isEqualTo("The source did not answer in time");
	}

	@Test
	void anAnswerLargerThanTheCapIsNotReadPastIt() throws Exception {
		// 1.2 MB of a 100 MB answer, then nothing more for longer than the 5 s timeout: a
		// read to the end would end in the timeout, one that stops at the 1 MB cap does
		// not
		assertThat(failureServed("http", (out) -> {
			out.write(("HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n" + "x".repeat(1_200_000)).getBytes());
			out.flush();
			Thread.sleep(10_000);
		})).isEqualTo("The source's answer is larger than the 1048576 bytes a feed may send at once");
	}

	@Test
	void anErrorStatusIsNamedWithoutReadingItsBody() throws Exception {
		assertThat(failureAnswered("http", "HTTP/1.1 401 Unauthorized\r\nContent-Length: 100\r\n\r\nshort"))
			.isEqualTo("The source answered HTTP 401 (is the token still valid?)");
		assertThat(failureAnswered("http",
				"HTTP/1.1 302 Found\r\nLocation: https://jobs.example/feed.rss\r\nContent-Length: 0\r\n\r\n"))
			.as("where a redirect points, which a feed does not follow")
			.isEqualTo("The source answered HTTP 302 (a redirect to https://jobs.example/feed.rss, which a feed does "
					+ "not follow: make the feed with that URL)");
	}

	/**
	 * The failure of a read of {@code scheme}://127.0.0.1 from a server that answers the
	 * first bytes it reads with {@code answer}, then closes the connection.
	 */
	private String failureAnswered(String scheme, String answer) throws Exception {
		return failureServed(scheme, (out) -> out.write(answer.getBytes()));
	}

	/**
	 * The failure of a read of {@code scheme}://127.0.0.1 from a server that reads the
	 * request's first bytes, then writes what {@code answer} writes and closes the
	 * connection (or stops when the client gives up).
	 */
	private String failureServed(String scheme, Answer answer) throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread answering = new Thread(() -> {
				try (Socket client = server.accept()) {
					client.getInputStream().read(new byte[512]);
					answer.write(client.getOutputStream());
				}
				catch (IOException | InterruptedException ex) {
					// the client's failure is what the test checks
				}
			});
			answering.start();
			String failure = failure(scheme + "://127.0.0.1:" + server.getLocalPort() + "/rss");
			answering.interrupt();
			answering.join(5_000);
			return failure;
		}
	}

	private interface Answer {

		void write(OutputStream out) throws IOException, InterruptedException;

	}

	private String failure(String url) {
		FeedException failure = catchThrowableOfType(FeedException.class, () -> this.http.get(url, "*/*"));
		assertThat(failure).as(url).isNotNull();
		return failure.getMessage();
	}

}
