package com.bidstream.scoring.roster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.bidstream.platform.web.FieldError;
import com.bidstream.platform.web.StorableText;

/**
 * Reads the body of {@code PUT /api/v1/freelancers/{id}}: fields left out keep their
 * value (a new freelancer needs a {@code name}); a value of the wrong type or range, and
 * a name that is no freelancer field, is an error naming its JSON path. {@code id},
 * {@code agencyId} and {@code updatedAt} are accepted and ignored, so that what a GET
 * answered can be sent back.
 */
final class FreelancerRequest {

	static final int MAX_NAME = 200;

	static final int MAX_SKILLS = 100;

	static final int MAX_SKILL = 100;

	static final int MAX_PROOF = 20;

	static final int MAX_PROOF_TEXT = 500;

	static final BigDecimal MAX_RATE = BigDecimal.valueOf(10_000);

	static final int MAX_CAPACITY = 1_000;

	private static final Set<String> FIELDS = Set.of("name", "skills", "proof", "hourlyRate", "capacity", "active",
			"id", "agencyId", "updatedAt");

	private final List<FieldError> errors = new ArrayList<>();

	private final Map<String, Object> body;

	private FreelancerRequest(Map<String, Object> body) {
		this.body = body;
	}

	/**
	 * What the body changes; {@code errors} holds every field it gets wrong.
	 */
	record Change(@Nullable String name, @Nullable List<String> skills, @Nullable List<String> proof, boolean setsRate,
			@Nullable BigDecimal hourlyRate, @Nullable Integer capacity, @Nullable Boolean active,
			List<FieldError> errors) {

	}

	static Change read(Map<String, Object> body) {
		return new FreelancerRequest(body).change();
	}

	private Change change() {
		this.body.keySet()
			.stream()
			.filter((name) -> !FIELDS.contains(name))
			.sorted()
			.forEach((name) -> this.errors.add(new FieldError(name, "is not a freelancer field")));
		String name = text("name", MAX_NAME);
		List<String> skills = texts("skills", MAX_SKILLS, MAX_SKILL);
		List<String> proof = texts("proof", MAX_PROOF, MAX_PROOF_TEXT);
		BigDecimal rate = rate();
		Integer capacity = capacity();
		Boolean active = active();
		return new Change(name, skills, proof, this.body.containsKey("hourlyRate"), rate, capacity, active,
				List.copyOf(this.errors));
	}

	private @Nullable String text(String field, int maxLength) {
		Object value = this.body.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			return invalid(field, "must be a non-blank string");
		}
		String stripped = text.strip();
		if (stripped.codePointCount(0, stripped.length()) > maxLength) {
			return invalid(field, "must be at most " + maxLength + " characters");
		}
		String control = StorableText.controlProblem(stripped, false);
		if (control != null) {
			return invalid(field, control);
		}
		return stripped;
	}

	private @Nullable List<String> texts(String field, int maxItems, int maxLength) {
		Object value = this.body.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> items)) {
			return invalid(field, "must be an array of strings");
		}
		if (items.size() > maxItems) {
			return invalid(field, "must hold at most " + maxItems + " items");
		}
		Set<String> texts = new LinkedHashSet<>();
		for (int i = 0; i < items.size(); i++) {
			String item = (items.get(i) instanceof String text) ? text.strip() : null;
			String path = field + "[" + i + "]";
			String control = (item != null) ? StorableText.controlProblem(item, false) : null;
			if (item == null || item.isEmpty() || item.codePointCount(0, item.length()) > maxLength) {
				invalid(path, "must be a string of 1 to " + maxLength + " characters");
			}
			else if (control != null) {
				invalid(path, control);
			}
			else {
				texts.add(item);
			}
		}
		return List.copyOf(texts);
	}

	private @Nullable BigDecimal rate() {
		Object value = this.body.get("hourlyRate");
		if (value == null) {
			return null;
		}
		if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
			return invalid("hourlyRate", "must be a number");
		}
		BigDecimal rate = new BigDecimal(number.toString());
		if (rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0) {
			return invalid("hourlyRate", "must be between 0 and " + MAX_RATE);
		}
		return rate;
	}

	private @Nullable Integer capacity() {
		Object value = this.body.get("capacity");
		if (value == null) {
			return null;
		}
		if (!(value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger)) {
			return invalid("capacity", "must be a whole number");
		}
		BigDecimal capacity = new BigDecimal(value.toString());
		if (capacity.signum() < 0 || capacity.compareTo(BigDecimal.valueOf(MAX_CAPACITY)) > 0) {
			return invalid("capacity", "must be between 0 and " + MAX_CAPACITY);
		}
		return capacity.intValueExact();
	}

	private @Nullable Boolean active() {
		Object value = this.body.get("active");
		if (value == null) {
			return null;
		}
		if (!(value instanceof Boolean active)) {
			return invalid("active", "must be true or false");
		}
		return active;
	}

	private <T> @Nullable T invalid(String field, String message) {
		this.errors.add(new FieldError(field, message));
		return null;
	}

}
