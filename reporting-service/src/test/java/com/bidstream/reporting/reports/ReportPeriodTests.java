package com.bidstream.reporting.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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
	void rejectsAPeriodThatEndsBeforeItStarts() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class,
				() -> ReportPeriod.parse("2026-11-10", "2026-11-10", NOW));

		assertThat(problem.errors()).extracting(FieldError::field).containsExactly("to");
	}

}
