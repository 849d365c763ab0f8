package com.bidstream.reporting.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Scoring and tracking as the dashboard sees them (contract sections 4 and 5), each on a
 * port of its own: the agency comes from the key ({@code dev-demo-key} is demo,
 * {@code dev-acme-key} acme, {@code dev-operator-key} acts for {@code agency=} on reads
 * and {@code X-Agency-Id} on writes); a {@code CLAIM} or {@code PROPOSAL_SENT} by a
 * second freelancer while another holds the listing answers 409 with the reason, as
 * tracking does. Every call is recorded with the key it carried.
 */
final class QueueStub implements AutoCloseable {

	static final Map<String, String> AGENCY_OF_KEY = Map.of("dev-demo-key", "demo", "dev-acme-key", "acme");

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer scoring;

	private final HttpServer tracking;

	/** agency -> listings (score JSON) */
	private final Map<String, List<ObjectNode>> scores = new ConcurrentHashMap<>();

	/** agency|jobKey -> pursuit JSON */
	private final Map<String, ObjectNode> pursuits = new ConcurrentHashMap<>();

	final List<Call> calls = new CopyOnWriteArrayList<>();

	/** Tracking answers every call 503, as a tracking that is down behind a proxy. */
	volatile boolean trackingDown;

	QueueStub() {
		try {
			this.scoring = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.tracking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.scoring.createContext("/", (exchange) -> handle("scoring", exchange));
		this.tracking.createContext("/", (exchange) -> handle("tracking", exchange));
		this.scoring.start();
		this.tracking.start();
	}

	String scoringUrl() {
		return "http://127.0.0.1:" + this.scoring.getAddress().getPort();
	}

	String trackingUrl() {
		return "http://127.0.0.1:" + this.tracking.getAddress().getPort();
	}

	/**
	 * A scored listing of an agency, and its pursuit in tracking ({@code QUEUED} for
	 * PURSUE, {@code NEW} otherwise).
	 */
	void listing(String agency, String jobKey, int score, String decision, String... freelancers) {
		ObjectNode listing = json.createObjectNode()
			.put("jobKey", jobKey)
			.put("agencyId", agency)
			.put("version", 1)
			.put("score", score)
			.put("decision", decision)
			.put("segment", "enterprise")
			.put("budgetBand", "MEDIUM")
			.put("aiWork", false)
			.put("aiExposure", "AI_ASSISTED");
		listing.putArray("signals")
			.addObject()
			.put("name", "budget")
			.put("value", 0.9)
			.put("weight", 0.15)
			.put("reason", "<b>fixed $4,000</b> is above the $500 floor");
		listing.withArray("signals")
			.addObject()
			.put("name", "proofMatch")
			.put("value", (freelancers.length > 0) ? 0.86 : 0.43)
			.put("weight", 0.15)
			.put("reason", (freelancers.length > 0) ? freelancers[0] + ": proven: Kafka"
					: "fl-ana fits (proven: Kafka) but holds 1 open pursuit of a capacity of 1");
		listing.putArray("redFlags");
		for (String freelancer : freelancers) {
			listing.withArray("matches")
				.addObject()
				.put("freelancerId", freelancer)
				.put("fit", 0.86)
				.putArray("reasons")
				.add("proven: Kafka");
		}
		this.scores.computeIfAbsent(agency, (a) -> new CopyOnWriteArrayList<>()).add(listing);
		ObjectNode pursuit = json.createObjectNode()
			.put("jobKey", jobKey)
			.put("agencyId", agency)
			.put("stage", "PURSUE".equals(decision) ? "QUEUED" : "NEW")
			.putNull("outcome")
			.putNull("freelancerId");
		this.pursuits.put(agency + "|" + jobKey, pursuit);
	}

	/**
	 * Moves a listing's pursuit to this stage and outcome (null: none), as tracking
	 * would.
	 */
	void pursuit(String agency, String jobKey, String stage, String outcome) {
		ObjectNode pursuit = this.pursuits.get(agency + "|" + jobKey).put("stage", stage);
		if (outcome != null) {
			pursuit.put("outcome", outcome);
		}
		else {
			pursuit.putNull("outcome");
		}
	}

	/**
	 * Has a freelancer hold a listing's pursuit, as tracking would after their claim.
	 */
	void heldBy(String agency, String jobKey, String freelancerId) {
		this.pursuits.get(agency + "|" + jobKey).put("stage", "CLAIMED").put("freelancerId", freelancerId);
	}

	/**
	 * Gives a listing already added the title and link scoring keeps beside its score.
	 */
	void titled(String agency, String jobKey, String title, String url) {
		this.scores.get(agency)
			.stream()
			.filter((listing) -> jobKey.equals(listing.path("jobKey").asString()))
			.forEach((listing) -> listing.put("title", title).put("url", url));
	}

	/**
	 * Ranks a listing already added first of its agency's, as a new score would.
	 */
	void ranksFirst(String agency, String jobKey) {
		List<ObjectNode> listings = this.scores.get(agency);
		ObjectNode listing = listings.stream()
			.filter((candidate) -> jobKey.equals(candidate.path("jobKey").asString()))
			.findFirst()
			.orElseThrow();
		listings.remove(listing);
		listings.add(0, listing);
	}

	/**
	 * Gives a listing already added another decision, as a re-score would.
	 */
	void decides(String agency, String jobKey, String decision) {
		this.scores.get(agency)
			.stream()
			.filter((listing) -> jobKey.equals(listing.path("jobKey").asString()))
			.forEach((listing) -> listing.put("decision", decision));
	}

	List<Call> calls(String service) {
		return this.calls.stream().filter((call) -> call.service().equals(service)).toList();
	}

	private void handle(String service, HttpExchange exchange) throws IOException {
		String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
		String acting = exchange.getRequestHeaders().getFirst("X-Agency-Id");
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String path = exchange.getRequestURI().getRawPath();
		Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
		this.calls.add(
				new Call(service, exchange.getRequestMethod(), exchange.getRequestURI().toString(), key, acting, body));
		if (service.equals("tracking") && this.trackingDown) {
			send(exchange, 503, problem("unavailable", "tracking is down"));
			return;
		}
		String agency = AGENCY_OF_KEY.get(key);
		boolean operator = "dev-operator-key".equals(key);
		if (agency == null && !operator) {
			send(exchange, 401, problem("unauthorized", "A valid X-Api-Key header is required"));
			return;
		}
		if (service.equals("scoring") && path.equals("/api/v1/scores")) {
			String scope = operator ? query.get("agency") : agency;
			long offset = Long.parseLong(query.getOrDefault("offset", "0"));
			if (offset > 10_000) {
				send(exchange, 400, problem("validation", "offset must be a whole number from 0 to 10000"));
				return;
			}
			var array = json.createObjectNode().putArray("scores");
			this.scores.getOrDefault(scope, List.of())
				.stream()
				.filter((listing) -> listing.get("decision").asString().equals(query.get("decision")))
				.skip(offset)
				.limit(Long.parseLong(query.getOrDefault("limit", "50")))
				.forEach(array::add);
			send(exchange, 200, json.createObjectNode().set("scores", array).toString());
			return;
		}
		if (service.equals("tracking") && path.equals("/api/v1/pursuits/lookup")
				&& exchange.getRequestMethod().equals("POST")) {
			String scope = operator ? query.get("agency") : agency;
			if (scope == null) {
				send(exchange, 400, problem("missing-agency", "An operator key names the agency"));
				return;
			}
			List<String> wanted = new ArrayList<>();
			json.readTree(body).path("jobKeys").forEach((named) -> wanted.add(named.asString()));
			if (wanted.size() > 1_000) {
				send(exchange, 400, problem("validation", "jobKeys holds at most 1000"));
				return;
			}
			var array = json.createObjectNode().putArray("pursuits");
			wanted.stream()
				.map((named) -> this.pursuits.get(scope + "|" + named))
				.filter(Objects::nonNull)
				.forEach(array::add);
			send(exchange, 200, json.createObjectNode().set("pursuits", array).toString());
			return;
		}
		if (service.equals("tracking") && path.startsWith("/api/v1/pursuits/") && path.endsWith("/events")
				&& exchange.getRequestMethod().equals("POST")) {
			String jobKey = URLDecoder.decode(path.substring("/api/v1/pursuits/".length(), path.length() - 7),
					StandardCharsets.UTF_8);
			String writer = operator ? acting : agency;
			if (writer == null) {
				send(exchange, 400,
						problem("missing-agency", "An operator key writes only with an X-Agency-Id header"));
				return;
			}
			record(exchange, writer, jobKey, json.readTree(body));
			return;
		}
		send(exchange, 404, problem("not-found", "No such path"));
	}

	private synchronized void record(HttpExchange exchange, String agency, String jobKey, JsonNode event)
			throws IOException {
		ObjectNode pursuit = this.pursuits.get(agency + "|" + jobKey);
		if (pursuit == null) {
			// as the services answer: instance names tracking's own path
			send(exchange, 404,
					json.createObjectNode()
						.put("type", "https://bidstream.dev/problems/not-found")
						.put("title", "Not Found")
						.put("detail", "No pursuit " + jobKey)
						.put("instance", exchange.getRequestURI().getPath())
						.toString());
			return;
		}
		String type = event.path("type").asString();
		String freelancer = event.path("freelancerId").asString(null);
		String holder = pursuit.get("freelancerId").isNull() ? null : pursuit.get("freelancerId").asString();
		if ((type.equals("CLAIM") || type.equals("PROPOSAL_SENT")) && holder != null && !holder.equals(freelancer)) {
			send(exchange, 409, problem("held-by-another", "Freelancer " + holder + " holds this pursuit; " + freelancer
					+ " cannot take it until it is released"));
			return;
		}
		switch (type) {
			case "CLAIM" -> pursuit.put("stage", "CLAIMED").put("freelancerId", freelancer);
			case "PROPOSAL_SENT" -> pursuit.put("stage", "PROPOSED").put("freelancerId", freelancer);
			case "LOST" -> pursuit.put("outcome", "LOST");
			default -> pursuit.put("stage", type);
		}
		send(exchange, 201, pursuit.toString());
	}

	private static String problem(String slug, String detail) {
		return json.createObjectNode()
			.put("type", "https://bidstream.dev/problems/" + slug)
			.put("title", slug)
			.put("detail", detail)
			.toString();
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> params = new ConcurrentHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					params.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
							URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
				}
			}
		}
		return params;
	}

	@Override
	public void close() {
		this.scoring.stop(0);
		this.tracking.stop(0);
	}

	record Call(String service, String method, String uri, String key, String actingAgency, String body) {

	}

}
