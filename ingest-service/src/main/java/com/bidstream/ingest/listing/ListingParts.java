package com.bidstream.ingest.listing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.contracts.Listing.Closed;
import com.bidstream.contracts.Listing.ClosedResult;

/**
 * The rules of a listing's nested values: {@code skills}, {@code budget}, {@code client}
 * and {@code closed}.
 */
final class ListingParts {

	static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

	/**
	 * A client's lifetime spend is not a budget; it is bounded only against absurd input.
	 */
	static final BigDecimal MAX_TOTAL_SPENT = new BigDecimal("10000000000");

	static final BigDecimal MAX_RATING = new BigDecimal("5");

	static final int MAX_SKILLS = 100;

	static final int MAX_SKILL = 100;

	static final int MAX_COUNTRY = 100;

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	private ListingParts() {
	}

	static List<String> skills(JsonFields fields) {
		JsonNode skills = fields.value("skills");
		if (skills == null) {
			return List.of();
		}
		if (!skills.isArray()) {
			fields.error("skills", "must be an array of strings");
			return List.of();
		}
		if (skills.size() > MAX_SKILLS) {
			fields.error("skills", "must hold at most " + MAX_SKILLS + " skills");
			return List.of();
		}
		List<String> valid = new ArrayList<>(skills.size());
		for (int i = 0; i < skills.size(); i++) {
			String problem = skillProblem(skills.get(i));
			if (problem != null) {
				fields.error("skills[" + i + "]", problem);
			}
			else {
				valid.add(skills.get(i).stringValue());
			}
		}
		return valid;
	}

	private static String skillProblem(JsonNode skill) {
		if (skill == null || !skill.isString()) {
			return "must be a string";
		}
		String text = skill.stringValue();
		if (text.isBlank()) {
			return "must not be blank";
		}
		if (text.codePointCount(0, text.length()) > MAX_SKILL) {
			return "must be at most " + MAX_SKILL + " characters";
		}
		return JsonFields.shownProblem(text);
	}

	static Budget budget(JsonFields listing) {
		JsonFields budget = listing.object("budget");
		if (budget == null) {
			return null;
		}
		BudgetType type = budget.require("type") ? budget.choice("type", BudgetType.class) : null;
		BigDecimal amount = budget.decimal("amount", BigDecimal.ZERO, MAX_AMOUNT);
		BigDecimal min = budget.decimal("min", BigDecimal.ZERO, MAX_AMOUNT);
		BigDecimal max = budget.decimal("max", BigDecimal.ZERO, MAX_AMOUNT);
		// its amounts are optional, as the contract has it: Upwork shows many hourly jobs
		// without a rate (an RSS item's "Hourly Range" may be unreadable), and such a
		// listing
		// is kept with a budget band of UNKNOWN rather than refused
		if (min != null && max != null && min.compareTo(max) > 0) {
			budget.error("min", "must not be greater than max");
		}
		String currency = budget.text("currency");
		if (currency != null && !CURRENCIES.contains(currency)) {
			budget.error("currency", "must be an ISO 4217 currency code such as USD");
		}
		return new Budget(type, amount, min, max, currency);
	}

	static Client client(JsonFields listing) {
		JsonFields client = listing.object("client");
		if (client == null) {
			return null;
		}
		return new Client(client.flag("paymentVerified"), client.text("country", MAX_COUNTRY),
				client.decimal("totalSpent", BigDecimal.ZERO, MAX_TOTAL_SPENT), client.count("totalHires"),
				client.count("totalPostedJobs"), client.decimal("rating", BigDecimal.ZERO, MAX_RATING),
				client.count("reviews"), client.date("memberSince"),
				client.text("companySize", ListingValidator.MAX_SHORT_TEXT));
	}

	static Closed closed(JsonFields listing) {
		JsonFields closed = listing.object("closed");
		if (closed == null) {
			return null;
		}
		ClosedResult result = closed.require("result") ? closed.choice("result", ClosedResult.class) : null;
		return new Closed(result, closed.instant("at"));
	}

}
