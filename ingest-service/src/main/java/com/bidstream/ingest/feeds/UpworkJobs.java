package com.bidstream.ingest.feeds;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;
import com.bidstream.ingest.intake.ListingTree;

/**
 * Upwork's GraphQL API: the {@code marketplaceJobPostingsSearch} query, sorted by recency
 * (never with {@code pagination_eq}, which the server answers with 500), and its job
 * postings as listings. Money arrives as {@code {"rawValue": "1500.0", ...}} with the
 * value as a string; any field may be null or missing.
 */
final class UpworkJobs {

	static final String DEFAULT_URL = "https://api.upwork.com/graphql";

	static final String QUERY = """
			query jobs($filter: MarketplaceJobPostingsSearchFilter, $sort: [MarketplaceJobPostingSearchSortAttribute]) {
			  marketplaceJobPostingsSearch(marketPlaceJobFilter: $filter, searchType: USER_JOBS_SEARCH, sortAttributes: $sort) {
			    totalCount
			    edges { node {
			      ciphertext title description publishedDateTime experienceLevel duration totalApplicants
			      amount { rawValue currency displayValue }
			      hourlyBudgetMin { rawValue currency displayValue }
			      hourlyBudgetMax { rawValue currency displayValue }
			      skills { name prettyName }
			      client { totalSpent { rawValue currency displayValue } totalHires totalPostedJobs
			               verificationStatus totalFeedback totalReviews location { country } }
			    } }
			    pageInfo { hasNextPage endCursor }
			  }
			}""";

	private UpworkJobs() {
	}

	static byte[] request(String searchExpression) {
		Map<String, Object> filter = (searchExpression != null && !searchExpression.isBlank())
				? Map.of("searchExpression_eq", searchExpression) : Map.of();
		return EventCodec.toBytes(Map.of("query", QUERY, "variables",
				Map.of("filter", filter, "sort", List.of(Map.of("field", "RECENCY")))));
	}

	static List<JsonNode> listings(byte[] body) {
		JsonNode root;
		try {
			root = EventCodec.mapper().readTree(body);
		}
		catch (JacksonException ex) {
			throw new FeedException("Upwork's answer is not readable JSON");
		}
		JsonNode errors = root.path("errors");
		JsonNode search = root.path("data").path("marketplaceJobPostingsSearch");
		if (errors.isArray() && !errors.isEmpty() && search.isMissingNode()) {
			throw new FeedException("Upwork answered with errors: " + errors.path(0).path("message").asString(""));
		}
		List<JsonNode> listings = new ArrayList<>();
		for (JsonNode edge : search.path("edges")) {
			JsonNode node = edge.path("node");
			if (node.isObject()) {
				listings.add(listing(node));
			}
		}
		return listings;
	}

	static JsonNode listing(JsonNode job) {
		String ciphertext = text(job, "ciphertext");
		ListingTree tree = new ListingTree().put("source", "upwork")
			.put("externalId", ciphertext)
			.put("url", (ciphertext != null) ? "https://www.upwork.com/jobs/" + ciphertext : null)
			.put("title", text(job, "title"))
			.put("description", text(job, "description"))
			.put("postedAt", instant(text(job, "publishedDateTime")))
			.put("experienceLevel", level(text(job, "experienceLevel")))
			.put("duration", text(job, "duration"))
			.put("proposals", whole(job.path("totalApplicants")));
		// a fixed-price job carries hourly budgets of 0.0, an hourly one an amount of 0.0
		BigDecimal amount = positive(money(job.path("amount")));
		BigDecimal min = positive(money(job.path("hourlyBudgetMin")));
		BigDecimal max = positive(money(job.path("hourlyBudgetMax")));
		if (min != null || max != null) {
			tree.put("budget.type", "HOURLY").put("budget.min", min).put("budget.max", max);
			tree.put("budget.currency", currency(job.path((min != null) ? "hourlyBudgetMin" : "hourlyBudgetMax")));
		}
		else if (amount != null) {
			tree.put("budget.type", "FIXED").put("budget.amount", amount);
			tree.put("budget.currency", currency(job.path("amount")));
		}
		List<String> skills = new ArrayList<>();
		for (JsonNode skill : job.path("skills")) {
			String name = (text(skill, "prettyName") != null) ? text(skill, "prettyName") : text(skill, "name");
			if (name != null && !name.isBlank()) {
				skills.add(name);
			}
		}
		tree.put("skills", skills.isEmpty() ? null : skills);
		JsonNode client = job.path("client");
		if (client.isObject()) {
			String verification = text(client, "verificationStatus");
			BigDecimal rating = decimal(client.path("totalFeedback"));
			tree.put("client.totalSpent", money(client.path("totalSpent")))
				.put("client.totalHires", whole(client.path("totalHires")))
				.put("client.totalPostedJobs", whole(client.path("totalPostedJobs")))
				.put("client.paymentVerified", (verification != null) ? "VERIFIED".equals(verification) : null)
				.put("client.rating",
						(rating != null && rating.signum() >= 0 && rating.compareTo(BigDecimal.valueOf(5)) <= 0)
								? rating : null)
				.put("client.reviews", whole(client.path("totalReviews")))
				.put("client.country", text(client.path("location"), "country"));
		}
		return tree.tree();
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.path(name);
		return (value.isString() || value.isNumber()) ? value.asString() : null;
	}

	private static BigDecimal money(JsonNode money) {
		return decimal(money.isObject() ? money.path("rawValue") : money);
	}

	private static BigDecimal positive(BigDecimal number) {
		return (number != null && number.signum() > 0) ? number : null;
	}

	private static String currency(JsonNode money) {
		String currency = text(money, "currency");
		return (currency != null && currency.matches("[A-Z]{3}")) ? currency : "USD";
	}

	private static BigDecimal decimal(JsonNode value) {
		try {
			if (value.isNumber()) {
				return value.decimalValue();
			}
			return value.isString() ? new BigDecimal(value.asString().strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long whole(JsonNode value) {
		BigDecimal number = decimal(value);
		return (number != null && number.signum() >= 0) ? number.longValue() : null;
	}

	private static String level(String level) {
		if (level == null) {
			return null;
		}
		return switch (level) {
			case "ENTRY_LEVEL", "ENTRY" -> "ENTRY";
			case "INTERMEDIATE" -> "INTERMEDIATE";
			case "EXPERT" -> "EXPERT";
			default -> null;
		};
	}

	private static String instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toString();
		}
		catch (DateTimeParseException ex) {
			try {
				return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC).toString();
			}
			catch (DateTimeParseException again) {
				return text;
			}
		}
	}

}
