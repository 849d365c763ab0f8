package com.bidstream.tracking.pursuits;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;
import com.bidstream.platform.web.StorableText;
import com.bidstream.platform.web.StorableTime;
import com.bidstream.platform.web.Uuids;
import com.bidstream.tracking.funnel.Funnel;

/**
 * Reads the body of {@code POST /api/v1/pursuits/{jobKey}/events}, naming every invalid
 * field at once (400) rather than stopping at the first.
 */
final class EventRequestReader {

	static final int MAX_ID_LENGTH = 100;

	static final int MAX_NOTE_LENGTH = 2000;

	/**
	 * How far ahead of now an event may say it happened: a client's clock or time zone
	 * may be off, as a listing's {@code postedAt} may (ingest allows the same day).
	 */
	static final java.time.Duration MAX_AHEAD = java.time.Duration.ofDays(1);

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

	private static final int MAX_CONNECTS = 100_000;

	private final JsonNode body;

	private final List<FieldError> errors = new ArrayList<>();

	private EventRequestReader(JsonNode body) {
		this.body = body;
	}

	/**
	 * The command the body describes, {@code occurredAt} defaulting to {@code now}.
	 * @throws ApiProblem a 400 naming each invalid field
	 */
	static EventCommand read(JsonNode body, Instant now) {
		if (body == null || !body.isObject()) {
			throw ApiProblem.notAnObject();
		}
		return new EventRequestReader(body).command(now);
	}

	private EventCommand command(Instant now) {
		UUID eventId = uuid("eventId");
		Action type = oneOf("type", Action.class, true);
		String freelancerId = text("freelancerId", MAX_ID_LENGTH);
		Instant occurredAt = instant("occurredAt");
		if (occurredAt != null && occurredAt.isAfter(now.plus(MAX_AHEAD))) {
			occurredAt = invalid("occurredAt",
					"must not be more than a day ahead of now (a clock's error, not a " + "future event)");
		}
		Integer connectsSpent = connects("connectsSpent");
		BigDecimal bidAmount = amount("bidAmount");
		BigDecimal contractValue = amount("contractValue");
		LossReason reason = oneOf("reason", LossReason.class, type == Action.LOST);
		String note = text("note", MAX_NOTE_LENGTH, true);
		if (type != null && Funnel.needsFreelancer(type) && freelancerId == null && !has("freelancerId")) {
			this.errors.add(new FieldError("freelancerId", "is required for " + type));
		}
		if (!this.errors.isEmpty()) {
			throw ApiProblem.validation(this.errors);
		}
		return new EventCommand(eventId, type, freelancerId, (occurredAt != null) ? occurredAt : now, connectsSpent,
				bidAmount, contractValue, reason, note);
	}

	private boolean has(String field) {
		JsonNode value = this.body.get(field);
		return value != null && !value.isNull();
	}

	private String text(String field, int maxLength) {
		return text(field, maxLength, false);
	}

	/**
	 * A non-blank string without control characters (a NUL cannot even be stored); free
	 * text ({@code multiline}) may hold line breaks and tabs.
	 */
	private String text(String field, int maxLength, boolean multiline) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.body.get(field);
		if (!value.isString() || value.stringValue().isBlank()) {
			return invalid(field, "must be a non-empty string");
		}
		if (value.stringValue().length() > maxLength) {
			return invalid(field, "must be at most " + maxLength + " characters");
		}
		String control = StorableText.controlProblem(value.stringValue(), multiline);
		if (control != null) {
			return invalid(field, control);
		}
		return value.stringValue().strip();
	}

	private UUID uuid(String field) {
		String value = text(field, 36);
		return (value != null)
				? Uuids.parse(value).orElseGet(() -> invalid(field, "must be a UUID of 8-4-4-4-12 hex digits")) : null;
	}

	private <E extends Enum<E>> E oneOf(String field, Class<E> type, boolean required) {
		String value = text(field, MAX_ID_LENGTH);
		if (value == null) {
			return (required && !has(field)) ? invalid(field, "is required") : null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			return invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
		}
	}

	private Instant instant(String field) {
		String value = text(field, MAX_ID_LENGTH);
		Instant instant;
		try {
			instant = (value != null) ? OffsetDateTime.parse(value).toInstant() : null;
		}
		catch (DateTimeParseException ex) {
			return invalid(field, "must be an ISO-8601 date-time with an offset, such as 2026-11-22T09:15:00Z");
		}
		String range = (instant != null) ? StorableTime.problem(instant) : null;
		if (range != null) {
			return invalid(field, range);
		}
		return instant;
	}

	private Integer connects(String field) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.body.get(field);
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			return invalid(field, "must be a whole number");
		}
		if (value.intValue() < 0 || value.intValue() > MAX_CONNECTS) {
			return invalid(field, "must be between 0 and " + MAX_CONNECTS);
		}
		return value.intValue();
	}

	private BigDecimal amount(String field) {
		if (!has(field)) {
			return null;
		}
		JsonNode value = this.body.get(field);
		if (!value.isNumber()) {
			return invalid(field, "must be a number");
		}
		if (value.isFloatingPointNumber() && !value.isBigDecimal() && !Double.isFinite(value.doubleValue())) {
			// 1e400 reads as an infinite double, which has no decimal value
			return invalid(field, "must be between 0 and " + MAX_AMOUNT.toPlainString());
		}
		BigDecimal amount = value.decimalValue().stripTrailingZeros();
		if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) >= 0) {
			return invalid(field, "must be between 0 and " + MAX_AMOUNT.toPlainString());
		}
		if (amount.scale() > 2) {
			return invalid(field, "must have at most 2 decimals");
		}
		return value.decimalValue();
	}

	private <T> T invalid(String field, String message) {
		this.errors.add(new FieldError(field, message));
		return null;
	}

}
