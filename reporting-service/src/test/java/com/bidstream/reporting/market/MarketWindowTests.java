package com.bidstream.reporting.market;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MarketWindowTests {

	// a Wednesday
	static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

	@Test
	void defaultsToTheLastTwelveWeeksIncludingTheCurrentOne() {
		MarketWindow window = MarketWindow.parse(null, null, MarketInterval.WEEK, NOW);

		assertThat(window.from()).isEqualTo(Instant.parse("2026-09-07T00:00:00Z"));
		assertThat(window.to()).isEqualTo(NOW.instant());
		assertThat(window.firstStart()).isEqualTo("2026-09-07");
		assertThat(window.previousStart()).isEqualTo("2026-08-31");
	}

	@Test
	void defaultsToTheLastTwelveMonthsBeforeAGivenEnd() {
		MarketWindow window = MarketWindow.parse(null, "2026-12-01", MarketInterval.MONTH, NOW);

		assertThat(window.from()).as("to is exclusive, so November is the last month")
			.isEqualTo(Instant.parse("2025-12-01T00:00:00Z"));
		assertThat(window.previousStart()).isEqualTo("2025-11-01");
	}

	@Test
	void aFromInsideAPeriodStartsWithThatPeriod() {
		MarketWindow window = MarketWindow.parse("2026-11-04T10:00:00Z", "2026-11-25", MarketInterval.WEEK, NOW);

		assertThat(window.firstStart()).isEqualTo("2026-11-02");
		assertThat(window.previousStart()).isEqualTo("2026-10-26");
	}

	@Test
	void rejectsAWindowOfMoreThanFiveYearsNamingFrom() {
		assertThat(errors("2020-01-01", "2026-01-01")).containsExactly("from");
		assertThat(MarketWindow.parse("2021-01-02", "2026-01-01", MarketInterval.MONTH, NOW).from())
			.isEqualTo(Instant.parse("2021-01-02T00:00:00Z"));
	}

	@Test
	void rejectsWhatTheFunnelRejectsNamingTheParameter() {
		assertThat(errors("last week", null)).containsExactly("from");
		assertThat(errors("2026-11-10", "2026-11-10")).containsExactly("to");
		assertThat(errors(null, "-999999999-01-01T00:00:00Z")).containsExactly("to");
	}

	private static List<String> errors(String from, String to) {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class,
				() -> MarketWindow.parse(from, to, MarketInterval.WEEK, NOW));
		return problem.errors().stream().map(FieldError::field).toList();
	}

}
