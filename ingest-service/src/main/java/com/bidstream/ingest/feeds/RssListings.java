package com.bidstream.ingest.feeds;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.bidstream.ingest.intake.ListingTree;
import com.bidstream.ingest.listing.ListingValidator;

/**
 * An RSS or Atom item as a listing: title, link, guid, date, description; and Upwork's
 * legacy item layout, whose description carries {@code Budget}, {@code Hourly Range},
 * {@code Posted On}, {@code Category}, {@code Skills} and {@code Country} lines and whose
 * link holds the job's ciphertext ({@code Job-title_%7E01abc...}), the listing's
 * externalId under source {@code upwork}.
 */
final class RssListings {

	private static final Pattern UPWORK_CIPHERTEXT = Pattern.compile("_(~[0-9A-Za-z]+)");

	private static final Pattern LINE = Pattern.compile("<b>\\s*([A-Za-z ]+?)\\s*</b>\\s*:?\\s*(.*?)(?=<br\\s*/?>|$)",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern NOT_SOURCE = Pattern.compile("[^a-z0-9]+");

	private static final Pattern MONEY = Pattern.compile("\\$\\s*([0-9][0-9,]*(?:\\.[0-9]+)?)");

	private static final DateTimeFormatter POSTED_ON = DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm",
			Locale.ENGLISH);

	private RssListings() {
	}

	/**
	 * The source of an RSS feed made without one, from its URL's host without
	 * {@code www.} in the letters a source may hold ({@code weworkremotely.com} becomes
	 * {@code weworkremotely-com}), so that its items' job keys and the reports' channels
	 * name where they came from. (Items in Upwork's legacy layout are {@code upwork}'s
	 * whatever the feed's source: {@link #listing}.)
	 */
	static String sourceOf(String url) {
		String host;
		try {
			host = URI.create(url).getHost();
		}
		catch (IllegalArgumentException ex) {
			host = null;
		}
		if (host == null) {
			return "rss";
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[")) {
			// an IPv6 literal: its groups alone ("1" for [::1]) would name nothing
			host = "ipv6-" + host;
		}
		String slug = NOT_SOURCE.matcher(host.startsWith("www.") ? host.substring(4) : host).replaceAll("-");
		slug = slug.substring(0, Math.min(slug.length(), 32)).replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "rss" : slug;
	}

	static JsonNode listing(Map<String, String> item, String feedSource) {
		return listing(item, feedSource, null);
	}

	/**
	 * An item as a listing; its link resolved against the feed's URL (Atom's links are
	 * often relative), and left out when it is empty or no web link even then: the link
	 * is optional, and the item is worth more than it.
	 */
	static JsonNode listing(Map<String, String> item, String feedSource, String feedUrl) {
		String link = item.get("link");
		Matcher ciphertext = (link != null && link.contains("upwork.com"))
				? UPWORK_CIPHERTEXT.matcher(URLDecoder.decode(link, StandardCharsets.UTF_8)) : null;
		if (ciphertext != null && ciphertext.find()) {
			return upwork(item, ciphertext.group(1));
		}
		String description = item.get("description");
		return new ListingTree().put("source", feedSource)
			.put("externalId", SafeIds.of(item.get("guid"), link, item.get("title")))
			.put("url", webLink(link, feedUrl))
			.put("title", item.get("title"))
			.put("description", (description != null) ? Html.text(description) : null)
			.put("postedAt", isoDate(item.get("pubDate")))
			.tree();
	}

	static String webLink(String link, String feedUrl) {
		if (link == null || link.isBlank()) {
			return null;
		}
		String resolved = link.strip();
		if (feedUrl != null && !ListingValidator.isWebUrl(resolved)) {
			try {
				resolved = URI.create(feedUrl).resolve(resolved).toString();
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return ListingValidator.isWebUrl(resolved) ? resolved : null;
	}

	private static JsonNode upwork(Map<String, String> item, String ciphertext) {
		String html = item.getOrDefault("description", "");
		ListingTree tree = new ListingTree().put("source", "upwork")
			.put("externalId", ciphertext)
			.put("url", "https://www.upwork.com/jobs/" + ciphertext)
			.put("title", stripSuffix(item.get("title")));
		int details = html.toLowerCase(Locale.ROOT).indexOf("<b>");
		tree.put("description", Html.text((details >= 0) ? html.substring(0, details) : html));
		String postedAt = isoDate(item.get("pubDate"));
		Matcher line = LINE.matcher(html);
		while (line.find()) {
			String value = Html.text(line.group(2));
			switch (line.group(1).toLowerCase(Locale.ROOT)) {
				case "budget" -> money(value, 1).ifPresent((amount) -> tree.put("budget.type", "FIXED")
					.put("budget.amount", amount)
					.put("budget.currency", "USD"));
				case "hourly range" -> {
					tree.put("budget.type", "HOURLY").put("budget.currency", "USD");
					money(value, 1).ifPresent((min) -> tree.put("budget.min", min));
					money(value, 2).ifPresent((max) -> tree.put("budget.max", max));
				}
				case "posted on" -> postedAt = postedOn(value, postedAt);
				case "category" -> tree.put("category", value);
				case "skills" -> tree.put("skills",
						Arrays.stream(value.split(","))
							.map(String::strip)
							.filter((skill) -> !skill.isEmpty())
							.toList());
				case "country" -> tree.put("client.country", value);
				default -> {
				}
			}
		}
		return tree.put("postedAt", postedAt).tree();
	}

	private static java.util.Optional<BigDecimal> money(String text, int which) {
		Matcher matcher = MONEY.matcher(text);
		for (int i = 0; i < which; i++) {
			if (!matcher.find()) {
				return java.util.Optional.empty();
			}
		}
		return java.util.Optional.of(new BigDecimal(matcher.group(1).replace(",", "")));
	}

	private static String postedOn(String text, String fallback) {
		try {
			String withoutZone = text.replaceAll("(?i)\\s*UTC\\s*$", "").strip();
			return LocalDateTime.parse(withoutZone, POSTED_ON).atOffset(ZoneOffset.UTC).toString();
		}
		catch (DateTimeParseException ex) {
			return fallback;
		}
	}

	/**
	 * RSS dates are RFC 1123, Atom's ISO-8601; either becomes ISO-8601 with an offset.
	 */
	static String isoDate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toString();
		}
		catch (DateTimeParseException ex) {
			return text.strip();
		}
	}

	private static String stripSuffix(String title) {
		return (title != null) ? title.replaceAll("\\s*-\\s*Upwork\\s*$", "") : null;
	}

}
