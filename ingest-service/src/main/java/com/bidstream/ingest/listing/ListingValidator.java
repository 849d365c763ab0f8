package com.bidstream.ingest.listing;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ExperienceLevel;

/**
 * The contract's rules for one listing (section 3), applied to the JSON as sent: every
 * broken rule is reported with its field's path, a value of the wrong JSON type included,
 * and unknown fields are ignored.
 */
public final class ListingValidator {

	static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

	static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");

	static final int MAX_TITLE = 300;

	static final int MAX_DESCRIPTION = 50_000;

	static final int MAX_URL = 2_048;

	/**
	 * The short free texts (category, duration, workload, client.companySize), whose
	 * contract names no limit: bounded so that no listing is too large to publish.
	 */
	static final int MAX_SHORT_TEXT = 200;

	/**
	 * A validated listing's size as JSON at most, far below the broker's 1 MB message
	 * limit, so that every accepted item can be published with its envelope.
	 */
	static final int MAX_ENCODED_BYTES = 512 * 1024;

	static final Duration MAX_POSTED_AHEAD = Duration.ofDays(1);

	private final Clock clock;

	private final int maxEncodedBytes;

	public ListingValidator(Clock clock) {
		this(clock, MAX_ENCODED_BYTES);
	}

	ListingValidator(Clock clock, int maxEncodedBytes) {
		this.clock = clock;
		this.maxEncodedBytes = maxEncodedBytes;
	}

	public Validation validate(JsonNode item) {
		if (item == null || !item.isObject()) {
			return Validation.invalid(List.of(new Violation("$", "must be a listing object")));
		}
		List<Violation> errors = new ArrayList<>();
		JsonFields fields = new JsonFields(item, "", errors);
		String source = matching(fields, "source", SOURCE, "must match [a-z0-9][a-z0-9-]{0,31}");
		String externalId = matching(fields, "externalId", EXTERNAL_ID,
				"must be 1 to 128 characters of A-Z a-z 0-9 . _ ~ : -");
		String title = title(fields);
		Instant postedAt = postedAt(fields);
		Listing listing = new Listing(source, externalId, url(fields), title,
				fields.text("description", MAX_DESCRIPTION), postedAt, fields.text("category", MAX_SHORT_TEXT),
				ListingParts.skills(fields), ListingParts.budget(fields),
				fields.choice("experienceLevel", ExperienceLevel.class), fields.text("duration", MAX_SHORT_TEXT),
				fields.text("workload", MAX_SHORT_TEXT), fields.count("proposals"), fields.count("connectsRequired"),
				ListingParts.client(fields), ListingParts.closed(fields));
		if (!errors.isEmpty()) {
			return Validation.invalid(errors);
		}
		byte[] canonical = EventCodec.toBytes(listing);
		if (canonical.length > this.maxEncodedBytes) {
			return Validation.invalid(List.of(new Violation("$", "is larger than the " + this.maxEncodedBytes
					+ " bytes a listing may take as JSON; shorten its longest texts")));
		}
		return Validation.valid(listing, ContentHash.of(canonical));
	}

	private static String matching(JsonFields fields, String name, Pattern pattern, String message) {
		if (!fields.require(name)) {
			return null;
		}
		String text = fields.text(name);
		if (text != null && !pattern.matcher(text).matches()) {
			fields.error(name, message);
			return null;
		}
		return text;
	}

	/**
	 * Blank, or only characters that show nothing: zero-width spaces and joiners, the
	 * byte order mark, direction marks (Unicode's format characters) and controls. A
	 * title of them made a Queue card with no title.
	 */
	static boolean showsNothing(String text) {
		return text.codePoints()
			.allMatch((c) -> Character.isWhitespace(c) || Character.isSpaceChar(c)
					|| Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
	}

	/**
	 * Whether {@code url} is a link a listing may hold, shown to people and followed by
	 * them: an absolute http or https URL with a host, no user-info, and nothing
	 * {@link URI} refuses (white space, quotes, angle brackets, controls), so that
	 * {@code javascript:}, {@code data:}, a relative path and
	 * {@code https://x"onmouseover=...} are not.
	 */
	public static boolean isWebUrl(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String url(JsonFields fields) {
		String url = fields.text("url", MAX_URL);
		if (url != null && !isWebUrl(url)) {
			fields.error("url", "must be an http or https URL, such as https://www.upwork.com/jobs/~01abc");
			return null;
		}
		return url;
	}

	private static String title(JsonFields fields) {
		if (!fields.require("title")) {
			return null;
		}
		String title = fields.text("title", MAX_TITLE);
		if (title != null && showsNothing(title)) {
			fields.error("title", "must not be blank");
			return null;
		}
		return title;
	}

	private Instant postedAt(JsonFields fields) {
		if (!fields.require("postedAt")) {
			return null;
		}
		Instant postedAt = fields.instant("postedAt");
		if (postedAt != null && postedAt.isAfter(this.clock.instant().plus(MAX_POSTED_AHEAD))) {
			fields.error("postedAt", "must be at most 1 day in the future");
			return null;
		}
		return postedAt;
	}

}
