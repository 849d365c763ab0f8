package com.bidstream.ingest.feeds;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.ingest.listing.JsonFields;
import com.bidstream.ingest.listing.Violation;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;
import com.bidstream.platform.web.Uuids;

/**
 * {@code POST/GET/DELETE /api/v1/feeds} and {@code POST /api/v1/feeds/{id}/poll}: the
 * sources an agency connects.
 */
@RestController
class FeedsController {

	static final List<String> STATUSES = List.of("PENDING", "OK", "FAILING", "PUSHED");

	private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	static final int MIN_POLL_SECONDS = 30;

	static final int MAX_POLL_SECONDS = 86_400;

	static final int DEFAULT_POLL_SECONDS = 300;

	/**
	 * A feed's text fields are stored, shown and sent with every poll: each is bounded.
	 */
	static final int MAX_URL = 2_048;

	static final int MAX_QUERY = 10_000;

	static final int MAX_TOKEN = 4_096;

	static final int MAX_MAPPING_BYTES = 16 * 1024;

	private final Feeds feeds;

	private final AddressGuard guard;

	private final SecureRandom random = new SecureRandom();

	private final int maxPerAgency;

	private final Clock clock;

	FeedsController(Feeds feeds, AddressGuard guard,
			@Value("${bidstream.ingest.feeds.max-per-agency:100}") int maxPerAgency, Clock clock) {
		this.clock = clock;
		this.feeds = feeds;
		this.guard = guard;
		this.maxPerAgency = maxPerAgency;
	}

	@PostMapping("/api/v1/feeds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Connect a feed",
			description = "type rss | upwork-graphql | json-url (polled every pollSeconds: a whole number from 30 "
					+ "to 86400, 300 by default) or webhook (pushed to POST /api/v1/webhooks/{id}, signed with the "
					+ "secret shown once in this answer). "
					+ "token (upwork-graphql's bearer token) and secret are stored and never shown back. "
					+ "mapping (json-url and webhook): {\"items\": the dotted path of the items' array, \"fields\": "
					+ "{listing field such as budget.amount: the dotted path of its value in an item}}. "
					+ "URLs on loopback or private addresses are refused unless the service allows them.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = NewFeed.class)))
	FeedView create(Caller caller, @RequestBody JsonNode body) {
		String agency = caller.writeAgency();
		NewFeed request = NewFeed.read(body);
		FeedType type = FeedType.of(request.type());
		String source = (type == FeedType.UPWORK_GRAPHQL) ? "upwork" : request.source();
		if (source == null && type == FeedType.RSS && request.url() != null) {
			source = RssListings.sourceOf(request.url());
		}
		if (source == null && type != FeedType.RSS) {
			throw ApiProblem.invalidField("source", "is required for a " + type.wireName() + " feed");
		}
		if (source != null && !SOURCE.matcher(source).matches()) {
			throw ApiProblem.invalidField("source", "must match [a-z0-9][a-z0-9-]{0,31}");
		}
		String url = request.url();
		if (url == null && (type == FeedType.RSS || type == FeedType.JSON_URL)) {
			throw ApiProblem.invalidField("url", "is required for a " + type.wireName() + " feed");
		}
		if (url != null) {
			String problem = this.guard.problem(url);
			if (problem != null) {
				throw ApiProblem.invalidField("url", problem);
			}
		}
		if (type == FeedType.UPWORK_GRAPHQL && (request.token() == null || request.token().isBlank())) {
			throw ApiProblem.invalidField("token", "is required for an upwork-graphql feed");
		}
		int pollSeconds = (request.pollSeconds() != null) ? request.pollSeconds() : DEFAULT_POLL_SECONDS;
		String secret = (type == FeedType.WEBHOOK) ? newSecret() : null;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		Feed feed = new Feed(UUID.randomUUID(), agency, type, source, url, request.query(), pollSeconds,
				request.token(), secret, request.mapping(), now, null, null, 0, 0, null, now);
		if (!this.feeds.create(feed, this.maxPerAgency)) {
			// each feed is an outbound fetch on a schedule: an agency's are bounded
			throw ApiProblem.conflict("feed-limit", "The agency has " + this.maxPerAgency
					+ " feeds, as many as it may have; delete one it no longer needs (DELETE /api/v1/feeds/{id})");
		}
		return FeedView.of(feed, secret);
	}

	/**
	 * The agency's feeds; an operator without {@code agency=} sees every agency's.
	 */
	@GetMapping("/api/v1/feeds")
	@Operation(summary = "The agency's feeds with each one's last poll, status, listings found and last error",
			description = "A member key sees its agency's feeds whatever agency= says; an operator key sees the "
					+ "feeds of the agency named by agency=, or every agency's without it. Each feed names its "
					+ "agencyId. status= (PENDING, OK, FAILING or PUSHED) keeps the feeds in that state.")
	List<FeedView> list(Caller caller, @RequestParam(required = false) String agency,
			@RequestParam(name = "status", required = false) String given) {
		// in any letter case, as tracking's stage= and outcome=
		String status = (given != null && !given.isBlank()) ? given.strip().toUpperCase(java.util.Locale.ROOT) : null;
		if (status != null && !STATUSES.contains(status)) {
			throw ApiProblem.invalidField("status", "must be one of " + String.join(", ", STATUSES));
		}
		return this.feeds.list(caller.readScope(agency))
			.stream()
			.filter((feed) -> status == null || status.equals(feed.status()))
			.map((feed) -> FeedView.of(feed, null))
			.toList();
	}

	@PostMapping("/api/v1/feeds/{id}/poll")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Poll a feed now",
			description = "Its next poll is due at once (within a second, when a poller is free), whatever its "
					+ "schedule or back-off said: after fixing a source, there is no need to wait up to an hour. "
					+ "Asking never brings two polls closer than bidstream.ingest.feeds.min-gap (30 s): nextPollAt "
					+ "says when. A poll under way finishes first, and the next follows it by that gap. "
					+ "Answers the feed; 409 for a webhook feed, which is pushed to, never polled.")
	FeedView pollNow(Caller caller, @PathVariable String id) {
		String agency = caller.writeAgency();
		UUID feedId = parse(id);
		Feed feed = this.feeds.find(feedId)
			.filter((found) -> found.agency().equals(agency))
			.orElseThrow(() -> ApiProblem.notFound("No feed " + id));
		if (!feed.type().polled()) {
			throw ApiProblem.conflict("feed-not-polled", "A webhook feed is pushed to, never polled");
		}
		this.feeds.dueNow(feedId);
		return FeedView.of(this.feeds.find(feedId).orElseThrow(() -> ApiProblem.notFound("No feed " + id)), null);
	}

	@DeleteMapping("/api/v1/feeds/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Stop and forget a feed")
	void delete(Caller caller, @PathVariable String id) {
		if (!this.feeds.delete(caller.writeAgency(), parse(id))) {
			throw ApiProblem.notFound("No feed " + id);
		}
	}

	static UUID parse(String id) {
		return Uuids.parse(id).orElseThrow(() -> ApiProblem.notFound("No feed " + id));
	}

	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The body of {@code POST /api/v1/feeds}, read as listings are ({@link JsonFields}):
	 * no value is coerced ({@code "60"} is no {@code pollSeconds}), and every field of
	 * the wrong type or range is named at once (400), the mapping's included
	 * ({@link FeedMapping}).
	 */
	record NewFeed(String type, String source, String url, String query, Integer pollSeconds, String token,
			JsonNode mapping) {

		static NewFeed read(JsonNode body) {
			if (body == null || !body.isObject()) {
				throw ApiProblem.notAnObject();
			}
			List<Violation> errors = new ArrayList<>();
			JsonFields fields = new JsonFields(body, "", errors);
			NewFeed feed = new NewFeed(fields.text("type", 32), fields.text("source", 32), fields.text("url", MAX_URL),
					fields.text("query", MAX_QUERY), fields.whole("pollSeconds", MIN_POLL_SECONDS, MAX_POLL_SECONDS),
					fields.text("token", MAX_TOKEN), fields.storableTree("mapping"));
			if (feed.mapping() != null && feed.mapping().toString().length() > MAX_MAPPING_BYTES) {
				errors.add(new Violation("mapping", "must be at most " + MAX_MAPPING_BYTES + " characters as JSON"));
			}
			else if (feed.mapping() != null) {
				FeedMapping.check(feed.mapping(), errors);
			}
			if (!errors.isEmpty()) {
				throw ApiProblem.validation(
						errors.stream().map((error) -> new FieldError(error.field(), error.message())).toList());
			}
			return feed;
		}

	}

}
