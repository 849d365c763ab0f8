package com.bidstream.scoring.profile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.bidstream.scoring.model.ProfileChange;
import com.bidstream.scoring.model.Violation;

/**
 * Reads the JSON body of {@code PUT /api/v1/profile} into a {@link ProfileChange}: parts
 * left out (or null) are kept; unknown names and values of the wrong type are violations
 * naming their JSON path. {@code version} is accepted and ignored (the server assigns
 * it).
 */
final class ProfileRequest {

	private static final Set<String> TOP = Set.of("weights", "thresholds", "floors", "redFlagTerms", "segmentRules",
			"version");

	private final List<Violation> violations = new ArrayList<>();

	private ProfileRequest() {
	}

	static Parsed read(Map<String, Object> body) {
		ProfileRequest request = new ProfileRequest();
		ProfileChange change = request.change(body);
		return new Parsed(change, List.copyOf(request.violations));
	}

	private ProfileChange change(Map<String, Object> body) {
		body.keySet()
			.stream()
			.filter((name) -> !TOP.contains(name))
			.forEach((name) -> this.violations.add(new Violation(name, "is not a profile field")));
		Map<String, Object> thresholds = object("thresholds", body.get("thresholds"), Set.of("pursue", "review"));
		Map<String, Object> floors = object("floors", body.get("floors"), Set.of("fixedBudget", "hourlyRate"));
		Map<String, Object> rules = object("segmentRules", body.get("segmentRules"),
				Set.of("enterprise", "established"));
		return new ProfileChange(weights(body.get("weights")), number("thresholds.pursue", thresholds.get("pursue")),
				number("thresholds.review", thresholds.get("review")),
				number("floors.fixedBudget", floors.get("fixedBudget")),
				number("floors.hourlyRate", floors.get("hourlyRate")), terms(body.get("redFlagTerms")),
				number("segmentRules.enterprise", rules.get("enterprise")),
				number("segmentRules.established", rules.get("established")));
	}

	private Map<String, BigDecimal> weights(Object value) {
		if (value == null) {
			return null;
		}
		Map<String, Object> weights = object("weights", value, null);
		Map<String, BigDecimal> numbers = new LinkedHashMap<>();
		weights.forEach((name, weight) -> {
			BigDecimal number = number("weights." + name, weight);
			if (number != null) {
				numbers.put(name, number);
			}
			else if (weight == null) {
				this.violations.add(new Violation("weights." + name, "must be a number"));
			}
		});
		return numbers;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> object(String field, Object value, Set<String> known) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			this.violations.add(new Violation(field, "must be an object"));
			return Map.of();
		}
		Map<String, Object> object = (Map<String, Object>) map;
		if (known != null) {
			object.keySet()
				.stream()
				.filter((name) -> !known.contains(name))
				.forEach(
						(name) -> this.violations.add(new Violation(field + "." + name, "is not a field of " + field)));
		}
		return object;
	}

	private BigDecimal number(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number)) {
			this.violations.add(new Violation(field, "must be a number"));
			return null;
		}
		BigDecimal decimal;
		try {
			decimal = new BigDecimal(number.toString()).stripTrailingZeros();
		}
		catch (NumberFormatException ex) {
			this.violations.add(new Violation(field, "must be a finite number"));
			return null;
		}
		return (decimal.scale() < 0) ? decimal.setScale(0) : decimal;
	}

	private List<String> terms(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> list)) {
			this.violations.add(new Violation("redFlagTerms", "must be an array of strings"));
			return null;
		}
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			if (list.get(i) instanceof String term) {
				terms.add(term);
			}
			else {
				this.violations.add(new Violation("redFlagTerms[" + i + "]", "must be a string"));
			}
		}
		return terms;
	}

	/**
	 * The change read, and what was wrong with the body (empty when it can be applied).
	 */
	record Parsed(ProfileChange change, List<Violation> violations) {

	}

}
