package com.bidstream.ingest.listing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import com.bidstream.platform.web.StorableText;
import com.bidstream.platform.web.StorableTime;

/**
 * Reads the fields of one JSON object by type, recording a {@link Violation} with the
 * field's path for every value of the wrong type or range, and returning null for it so
 * that reading goes on and every error of an item is reported. Absent and {@code null}
 * values are the same: null. Every text is checked to be storable ({@link StorableText}).
 * No value is coerced: a number in a string is not a number. A listing's fields are read
 * with it, and so is any other JSON request of the service (a feed's).
 */
public final class JsonFields {

	private final JsonNode node;

	private final String path;

	private final List<Violation> errors;

	public JsonFields(JsonNode node, String path, List<Violation> errors) {
		this.node = node;
		this.path = path;
		this.errors = errors;
	}

	String pathOf(String name) {
		return this.path.isEmpty() ? name : this.path + "." + name;
	}

	void error(String name, String message) {
		this.errors.add(new Violation(pathOf(name), message));
	}

	/**
	 * The value as it is, of any type, or null when it is absent or {@code null}.
	 */
	public JsonNode value(String name) {
		JsonNode value = this.node.get(name);
		return (value == null || value.isNull()) ? null : value;
	}

	/**
	 * The value as it is, of any type, with every text inside it (keys too) checked to be
	 * storable; null when it is absent, {@code null} or holds a text that is not.
	 */
	public JsonNode storableTree(String name) {
		JsonNode value = value(name);
		String problem = (value != null) ? unstorable(value) : null;
		if (problem != null) {
			error(name, problem);
			return null;
		}
		return value;
	}

	private static String unstorable(JsonNode node) {
		if (node.isString()) {
			return StorableText.problem(node.stringValue());
		}
		for (String name : node.propertyNames()) {
			String problem = StorableText.problem(name);
			if (problem != null) {
				return problem;
			}
		}
		// an object's values or an array's elements
		for (JsonNode child : node) {
			String problem = unstorable(child);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	boolean present(String name) {
		return value(name) != null;
	}

	boolean require(String name) {
		if (!present(name)) {
			error(name, "is required");
			return false;
		}
		return true;
	}

	public String text(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isString()) {
			error(name, "must be a string");
			return null;
		}
		String text = (value != null) ? value.stringValue() : null;
		String problem = (text != null) ? shownProblem(text) : null;
		if (problem != null) {
			error(name, problem);
			return null;
		}
		return text;
	}

	/**
	 * Why a listing's text cannot be stored and shown as it is: not storable, or a
	 * control character other than line breaks and tabs (a bell, an escape); or null.
	 */
	static String shownProblem(String text) {
		return StorableText.shownProblem(text, true);
	}

	public String text(String name, int maxLength) {
		String text = text(name);
		if (text != null && text.codePointCount(0, text.length()) > maxLength) {
			error(name, "must be at most " + maxLength + " characters");
			return null;
		}
		return text;
	}

	Boolean flag(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isBoolean()) {
			error(name, "must be true or false");
			return null;
		}
		return (value != null) ? value.booleanValue() : null;
	}

	/**
	 * Amounts and ratings are money and stars: more decimals than this are not a real
	 * value.
	 */
	static final int MAX_DECIMALS = 4;

	BigDecimal decimal(String name, BigDecimal min, BigDecimal max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			error(name, "must be a number");
			return null;
		}
		BigDecimal number = value.decimalValue();
		if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
			error(name, "must be between " + min.toPlainString() + " and " + max.toPlainString());
			return null;
		}
		if (number.stripTrailingZeros().scale() > MAX_DECIMALS) {
			error(name, "may have at most " + MAX_DECIMALS + " decimal places");
			return null;
		}
		return canonical(number);
	}

	Integer count(String name) {
		return whole(name, 0, Integer.MAX_VALUE);
	}

	/**
	 * A JSON number with no fraction ({@code 60}, {@code 60.0}, {@code 6E+1}) from
	 * {@code min} to {@code max}; never a string holding one.
	 */
	public Integer whole(String name, int min, int max) {
		JsonNode value = value(name);
		if (value == null) {
			return null;
		}
		if (!value.isNumber()) {
			error(name, "must be a whole number");
			return null;
		}
		if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
			// a reader without BigDecimal floats reads 1e400 as an infinite double, which
			// has no decimal value
			error(name, "must be between " + min + " and " + max);
			return null;
		}
		BigDecimal number = value.decimalValue().stripTrailingZeros();
		if (number.scale() > 0) {
			error(name, "must be a whole number");
			return null;
		}
		if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
			error(name, "must be between " + min + " and " + max);
			return null;
		}
		return number.intValueExact();
	}

	<E extends Enum<E>> E choice(String name, Class<E> type) {
		String text = text(name);
		if (text == null) {
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(text)) {
				return constant;
			}
		}
		error(name, "must be one of "
				+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
		return null;
	}

	Instant instant(String name) {
		String text = text(name);
		Instant instant;
		try {
			instant = (text != null) ? OffsetDateTime.parse(text).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			error(name, "must be an ISO-8601 date-time with an offset, such as 2026-11-22T09:15:00Z");
			return null;
		}
		return inRange(name, instant, (value) -> StorableTime.problem(value));
	}

	LocalDate date(String name) {
		String text = text(name);
		LocalDate date;
		try {
			date = (text != null) ? LocalDate.parse(text) : null;
		}
		catch (DateTimeParseException ex) {
			error(name, "must be a date such as 2018-05-01");
			return null;
		}
		return inRange(name, date, (value) -> StorableTime.problem(value));
	}

	private <T> T inRange(String name, T value, Function<T, String> problem) {
		String why = (value != null) ? problem.apply(value) : null;
		if (why != null) {
			error(name, why);
			return null;
		}
		return value;
	}

	/**
	 * The fields of a nested object, or null when it is absent or not an object.
	 */
	JsonFields object(String name) {
		JsonNode value = value(name);
		if (value != null && !value.isObject()) {
			error(name, "must be an object");
			return null;
		}
		return (value != null) ? new JsonFields(value, pathOf(name), this.errors) : null;
	}

	/**
	 * Numbers in one form whatever the input wrote ({@code 4000.00} and {@code 4E+3} are
	 * {@code 4000}), so equal content hashes equal. Only bounded values come here.
	 */
	private static BigDecimal canonical(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
