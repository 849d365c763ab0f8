package com.bidstream.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ReportPeriodTests {

	static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void defaultsToTheLastThirtyDays() {
		ReportPeriod period = ReportPeriod.parse(null, "", NOW);

		assertThat(period.from()).isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
	}

	@Test
	void takesDatesAsMidnightUtcAndInstantsWithAnyOffset() {
		ReportPeriod period = ReportPeriod.parse("2026-11-01", "2026-11-20T10:00:00+02:00", NOW);

		assertThat(period.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(period.to()).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
		assertThat(ReportPeriod.parse("2026-11-01T00:00:00Z", null, NOW).to()).isEqualTo(NOW.instant());
	}

	@Test
	void rejectsAnUnreadableValueNamingTheParameter() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class,
				() -> ReportPeriod.parse("last week", "2026-13-45", NOW));

		assertThat(problem.errors()).extracting(FieldError::field).containsExactly("to", "from");
	}

	@Test
	void anOffsetWhosePlusAQueryStringReadAsASpaceIsNamedSo() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class,
				() -> ReportPeriod.parse("2026-11-01T00:00:00 02:00", null, NOW));

		assertThat(problem.errors()).extracting(FieldError::message)
			.containsExactly("must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z); the + of an "
					+ "offset must be sent as %2B in a query string, or it reads as a space");
		assertThat(catchThrowableOfType(ApiProblem.class, () -> ReportPeriod.parse("2026-11-01 10:00", null, NOW))
			.errors()).as("a space for the T is another mistake")
			.extracting(FieldError::message)
			.containsExactly("must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z)");
		assertThat(catchThrowableOfType(ApiProblem.class, () -> ReportPeriod.parse("last week", null, NOW)).errors())
			.extracting(FieldError::message)
			.containsExactly("must be an ISO-8601 date (2026-11-01) or instant (2026-11-01T00:00:00Z)");
	}

	@Test
	void rejectsDatesAndInstantsOutsideTheYears1970To9999NamingTheParameter() {
		assertThat(rangeErrors(null, "-999999999-01-01T00:00:00Z")).containsExactly("to");
		assertThat(rangeErrors("1969-12-31", "2026-11-01")).containsExactly("from");
		assertThat(rangeErrors("0001-01-01T00:00:00Z", "+10000-01-01")).containsExactly("to", "from");
		assertThat(rangeErrors("2026-11-01", "9999-12-31T23:00:00-02:00")).as("year 10000 in UTC")
			.containsExactly("to");
		assertThat(rangeErrors("+999999999-12-31T23:59:59Z", null)).containsExactly("from");
	}

	@Test
	void acceptsTheFirstAndLastDaysOfTheRange() {
		ReportPeriod period = ReportPeriod.parse("1970-01-01", "9999-12-31T23:59:59Z", NOW);

		assertThat(period.from()).isEqualTo(Instant.EPOCH);
		assertThat(period.to()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
		assertThat(ReportPeriod.parse(null, "1970-01-02", NOW).from()).isBefore(Instant.EPOCH);
	}

	private static List<String> rangeErrors(String from, String to) {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ReportPeriod.parse(from, to, NOW));
		assertThat(problem.errors()).allSatisfy((error) -> assertThat(error.message()).contains("1970", "9999"));
		return problem.errors().stream().map(FieldError::field).toList();
	}

	@Test
	void rejectsAPeriodThatEndsBeforeItStarts() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class,
				() -> ReportPeriod.parse("2026-11-10", "2026-11-10", NOW));

		assertThat(problem.errors()).extracting(FieldError::field).containsExactly("to");
	}

	@Test
	void aStartInTheFutureWithoutAnEndNamesTheStart() {
		// without to the period ends now: from is the field to change, not a to never
		// sent
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> ReportPeriod.parse("2999-01-01", null, NOW));

		assertThat(problem.errors()).extracting(FieldError::field).containsExactly("from");
		assertThat(problem.errors().get(0).message()).contains("now");
	}

}
