package com.bidstream.reporting.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

/**
 * The half-open period {@code [from, to)} of a report. Each end takes an ISO-8601 date
 * (midnight UTC) or instant; without them the period is the last 30 days.
 */
record ReportPeriod(Instant from, Instant to) {

	static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

	private static final String FORMAT = "must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z)";

	static ReportPeriod parse(String from, String to, Clock clock) {
		List<FieldError> errors = new ArrayList<>();
		Instant end = isBlank(to) ? clock.instant() : instant("to", to, errors);
		Instant start = isBlank(from) ? ((end != null) ? end.minus(DEFAULT_LENGTH) : null)
				: instant("from", from, errors);
		if (errors.isEmpty() && !start.isBefore(end)) {
			errors.add(new FieldError("to", "must be after from"));
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
		String text = value.strip();
		try {
			if (text.length() == 10) {
				return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError(field, FORMAT));
			return null;
		}
	}

}
