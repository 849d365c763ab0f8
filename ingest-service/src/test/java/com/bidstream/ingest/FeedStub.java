package com.bidstream.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for feed sources: each path answers what a test puts
 * there (status, body, or a delay longer than the read timeout), and every request it got
 * is kept to be looked at.
 */
final class FeedStub implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	final List<Request> requests = new CopyOnWriteArrayList<>();

	static FeedStub start() {
		try {
			return new FeedStub();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	FeedStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	void answer(String path, int status, String contentType, String body) {
		this.answers.put(path, new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8), 0, null));
	}

	void answerSlowly(String path, long delayMillis) {
		this.answers.put(path,
				new Answer(200, "application/json", "[]".getBytes(StandardCharsets.UTF_8), delayMillis, null));
	}

	/**
	 * Answers {@code []} once {@code release} is counted down (or after 5 s), so that a
	 * test acts while a poll runs.
	 */
	void answerWhenReleased(String path, CountDownLatch release) {
		this.answers.put(path, new Answer(200, "application/json", "[]".getBytes(StandardCharsets.UTF_8), 0, release));
	}

	long requestsTo(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).count();
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		this.requests.add(new Request(exchange.getRequestURI().getPath(),
				exchange.getRequestHeaders().getFirst("Authorization"), new String(body, StandardCharsets.UTF_8)));
		Answer answer = this.answers.getOrDefault(exchange.getRequestURI().getPath(),
				new Answer(404, "text/plain", new byte[0], 0, null));
		try {
			if (answer.delayMillis() > 0) {
				Thread.sleep(answer.delayMillis());
			}
			if (answer.release() != null) {
				answer.release().await(5, TimeUnit.SECONDS);
			}
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), (answer.body().length == 0) ? -1 : answer.body().length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer.body());
			}
		}
		catch (InterruptedException | IOException ex) {
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Answer(int status, String contentType, byte[] body, long delayMillis, CountDownLatch release) {

	}

	record Request(String path, String authorization, String body) {

	}

}
