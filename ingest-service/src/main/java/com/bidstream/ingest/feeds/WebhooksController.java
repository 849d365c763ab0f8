package com.bidstream.ingest.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.ingest.intake.IntakeReport;
import com.bidstream.ingest.intake.ListingCandidate;
import com.bidstream.ingest.intake.ListingIntake;
import com.bidstream.ingest.listing.Violation;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.DeclaredCharset;
import com.bidstream.platform.web.Uuids;

/**
 * {@code POST /api/v1/webhooks/{feedId}}: a scanner pushes listings for a webhook feed,
 * signed with the feed's secret ({@code X-Bidstream-Signature: sha256=<hex HMAC-SHA256 of
 * the body>}) instead of an agency key. The items are mapped as a json-url feed's.
 */
@RestController
class WebhooksController {

	static final String SIGNATURE = "X-Bidstream-Signature";

	static final int MAX_ITEMS = 1_000;

	private final Feeds feeds;

	private final ListingIntake intake;

	WebhooksController(Feeds feeds, ListingIntake intake) {
		this.feeds = feeds;
		this.intake = intake;
	}

	@PostMapping("/api/v1/webhooks/{feedId}")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Push listings to a webhook feed",
			description = "No X-Api-Key: the body is signed with the feed's secret in X-Bidstream-Signature "
					+ "(sha256=<hex of HMAC-SHA256(secret, body)>). A JSON array of up to 1,000 items, or an object "
					+ "holding one, mapped as the feed's mapping says. Answers the intake's counts.")
	Pushed push(@PathVariable String feedId, HttpServletRequest request) throws IOException {
		// bounded at 10 MiB by the platform's RequestBodyLimitFilter
		// (bidstream.web.larger-bodies)
		byte[] body = request.getInputStream().readAllBytes();
		// signed as sent; read in the charset Content-Type names, as every body is (a
		// Latin-1 push with its charset declared was told to declare it)
		Feed feed = verified(feedId, request.getHeader(SIGNATURE), body);
		List<JsonNode> items;
		try {
			byte[] utf8 = DeclaredCharset.asUtf8(body, request.getContentType(), "The body");
			items = FeedText.cleaned(JsonListings.pushed(utf8, feed.mapping(), feed.source()));
		}
		catch (ApiProblem ex) {
			this.feeds.pushRefused(feed.id(), "A push was refused: " + ex.getMessage());
			throw ex;
		}
		catch (FeedException ex) {
			// the sender gets the 400; the feed keeps it for whoever looks at the feeds
			this.feeds.pushRefused(feed.id(), "A push was refused: " + ex.getMessage());
			throw ApiProblem.badRequest("malformed-body", ex.getMessage());
		}
		if (items.size() > MAX_ITEMS) {
			String problem = "A webhook carries at most " + MAX_ITEMS + " listings";
			this.feeds.pushRefused(feed.id(), "A push was refused: " + problem + "; it held " + items.size());
			throw ApiProblem.payloadTooLarge(problem);
		}
		List<ListingCandidate> candidates = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			candidates.add(new ListingCandidate(items.get(i), i));
		}
		IntakeReport report = this.intake.submit(feed.agency(), candidates);
		ItemRejections rejections = new ItemRejections();
		rejections.add(report, candidates.size());
		if (rejections.everyItem()) {
			// answered with each item's errors all the same; the feed is FAILING until a
			// push brings something
			this.feeds.pushRefused(feed.id(), "No item was taken: " + rejections.problem());
		}
		else {
			this.feeds.pushed(feed.id(), report.accepted(), rejections.problem());
		}
		return Pushed.of(report);
	}

	private Feed verified(String feedId, String signature, byte[] body) {
		// an id that is no UUID is an unknown feed too: the same 401, never a 404 that
		// tells them apart
		Optional<Feed> feed = Uuids.parse(feedId)
			.flatMap(this.feeds::find)
			.filter((found) -> found.type() == FeedType.WEBHOOK && found.secret() != null);
		byte[] expected = feed.map((found) -> hmac(found.secret(), body)).orElseGet(() -> new byte[32]);
		byte[] given = parseSignature(signature);
		// one answer for an unknown feed and a wrong signature, compared in constant time
		if (!MessageDigest.isEqual(expected, given) || feed.isEmpty()) {
			throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized",
					"A valid " + SIGNATURE + " header (sha256=<hex HMAC-SHA256 of the body>) is required", null);
		}
		return feed.get();
	}

	private static byte[] parseSignature(String header) {
		if (header == null || !header.startsWith("sha256=")) {
			return new byte[0];
		}
		try {
			return HexFormat.of().parseHex(header.substring("sha256=".length()).strip());
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	static byte[] hmac(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/**
	 * The answer to a push, in the shape of {@code POST /api/v1/listings}'s: a rejected
	 * item is named by its index in the mapped items.
	 */
	record Pushed(int accepted, int duplicates, List<Rejected> rejected) {

		static Pushed of(IntakeReport report) {
			return new Pushed(report.accepted(), report.duplicates(),
					report.rejected()
						.stream()
						.map((rejection) -> new Rejected((int) rejection.position(), rejection.errors()))
						.toList());
		}

	}

	record Rejected(int index, List<Violation> errors) {

	}

}
