package com.bidstream.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server whose every answer sends its headers at once, then its body a byte
 * a second for {@code seconds}: what a test of a deadline on the whole answer (not only
 * on the headers) needs, on a real socket.
 */
public final class TricklingServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService senders = Executors.newCachedThreadPool();

	public TricklingServer(int seconds) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < seconds; i++) {
					out.write(' ');
					out.flush();
					Thread.sleep(1_000);
				}
				out.write("[]".getBytes());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (IOException ex) {
				// the client gave up: what such a test wants
			}
		});
		this.server.setExecutor(this.senders);
		this.server.start();
	}

	/**
	 * {@code http://127.0.0.1:<port>}, without a trailing slash.
	 */
	public URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.senders.shutdownNow();
	}

}
