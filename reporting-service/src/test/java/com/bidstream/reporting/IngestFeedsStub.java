package com.bidstream.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * Ingest's {@code GET /api/v1/feeds} as the health report reads it: answers what a test
 * sets ({@code []} until then), and keeps the key and query of each request.
 */
final class IngestFeedsStub {

	private final HttpServer server;

	private volatile int status = 200;

	private volatile String body = "[]";

	final List<String> requests = new CopyOnWriteArrayList<>();

	IngestFeedsStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/api/v1/feeds", (exchange) -> {
			this.requests
				.add(exchange.getRequestHeaders().getFirst("X-Api-Key") + " " + exchange.getRequestURI().getRawQuery());
			byte[] answer = this.body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(this.status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	void answer(int status, String body) {
		this.status = status;
		this.body = body;
	}

	void reset() {
		answer(200, "[]");
		this.requests.clear();
	}

}
