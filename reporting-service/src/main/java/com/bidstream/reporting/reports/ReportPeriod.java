package com.bidstream.reporting.reports;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;
import com.bidstream.platform.web.StorableTime;

/**
 * The half-open period {@code [from, to)} of a report. Each end takes an ISO-8601 date
 * (midnight UTC) or instant in the years 1970 to 9999 (UTC); without them the period is
 * the last 30 days. Public for the other reports of the service (the market report),
 * which pick their own default start.
 */
public record ReportPeriod(Instant from, Instant to) {

	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	/**
	 * The first instant a parameter may name ({@link StorableTime}); years before it have
	 * no listings, and far ones cannot even be shifted by the default length or stored as
	 * a timestamp.
	 */
	static final Instant EARLIEST = StorableTime.EARLIEST;

	private static final String FORMAT = "must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z)";

	static ReportPeriod parse(String from, String to, Clock clock) {
		return parse(from, to, clock, (end) -> end.minus(DEFAULT_LENGTH));
	}

	/**
	 * Reads {@code from} and {@code to} as {@link #parse(String, String, Clock)} does,
	 * but without {@code from} the period starts at {@code defaultStart} of its end.
	 */
	public static ReportPeriod parse(String from, String to, Clock clock, UnaryOperator<Instant> defaultStart) {
		List<FieldError> errors = new ArrayList<>();
		Instant end = isBlank(to) ? clock.instant() : instant("to", to, errors);
		Instant start = isBlank(from) ? ((end != null) ? defaultStart.apply(end) : null)
				: instant("from", from, errors);
		if (errors.isEmpty() && !start.isBefore(end)) {
			// without to, the period ends now: the field to change is from (a
			// walkthrough's
			// from in the future was told about a to it never sent)
			errors.add(isBlank(to) ? new FieldError("from", "must be before now, where a period without to ends")
					: new FieldError("to", "must be after from"));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.validation(errors);
		}
		return new ReportPeriod(start, end);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private static Instant instant(String field, String value, List<FieldError> errors) {
		Instant instant;
		try {
			instant = parse(value.strip());
		}
		catch (DateTimeException ex) {
			// a query string reads an unencoded + as a space: 2026-11-01T00:00:00+02:00
			// arrives as ...00 02:00, which is no wrong format the sender can see
			boolean plusSentAsSpace = value.strip().matches(".*\\d \\d\\d:?\\d\\d$") && readsWithAPlus(value.strip());
			errors.add(new FieldError(field,
					plusSentAsSpace ? FORMAT
							+ "; the + of an offset must be sent as %2B in a query string, or it reads as a space"
							: FORMAT));
			return null;
		}
		String range = StorableTime.problem(instant);
		if (range != null) {
			errors.add(new FieldError(field, range));
			return null;
		}
		return instant;
	}

	/**
	 * Whether the value reads once its last space is the + it was sent as: a date and a
	 * time with a space between them are another mistake, named by the format alone.
	 */
	private static boolean readsWithAPlus(String value) {
		int space = value.lastIndexOf(' ');
		try {
			parse(value.substring(0, space) + "+" + value.substring(space + 1));
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	private static Instant parse(String text) {
		if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
			return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
		}
		if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
			return OffsetDateTime.parse(text).toInstant();
		}
		return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
	}

}
