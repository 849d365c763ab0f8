package com.bidstream.reporting.market;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketIntervalTests {

	@Test
	void labelsAWeekByItsIsoWeekBasedYearAndWeek() {
		assertThat(week("2026-11-18")).isEqualTo("2026-W47");
		assertThat(week("2026-12-31")).as("2026 starts on a Thursday, so it has 53 weeks").isEqualTo("2026-W53");
		assertThat(week("2027-01-03")).as("a Sunday of 2027 still in 2026's last week").isEqualTo("2026-W53");
		assertThat(week("2027-01-04")).isEqualTo("2027-W01");
		assertThat(week("2025-12-29")).as("a Monday of 2025 already in 2026's first week").isEqualTo("2026-W01");
		assertThat(week("2026-01-05")).isEqualTo("2026-W02");
	}

	@Test
	void aWeekStartsOnMondayUtc() {
		assertThat(MarketInterval.WEEK.start(Instant.parse("2027-01-03T23:59:59Z"))).isEqualTo("2026-12-28");
		assertThat(MarketInterval.WEEK.start(Instant.parse("2027-01-04T00:00:00Z"))).isEqualTo("2027-01-04");
		assertThat(MarketInterval.WEEK.plus(LocalDate.parse("2026-12-28"), -1)).isEqualTo("2026-12-21");
	}

	@Test
	void labelsAMonthByYearAndMonth() {
		assertThat(MarketInterval.MONTH.label(MarketInterval.MONTH.start(LocalDate.parse("2026-11-30"))))
			.isEqualTo("2026-11");
		assertThat(MarketInterval.MONTH.start(Instant.parse("2026-12-31T23:59:59Z"))).isEqualTo("2026-12-01");
		assertThat(MarketInterval.MONTH.plus(LocalDate.parse("2027-01-01"), -1)).isEqualTo("2026-12-01");
		assertThat(MarketInterval.MONTH.label(LocalDate.parse("2027-01-01"))).isEqualTo("2027-01");
	}

	@Test
	void readsOnlyTheParametersTheContractNames() {
		assertThat(MarketInterval.fromParameter("week")).contains(MarketInterval.WEEK);
		assertThat(MarketInterval.fromParameter("month")).contains(MarketInterval.MONTH);
		assertThat(MarketInterval.fromParameter("WEEK")).isEmpty();
		assertThat(MarketInterval.fromParameter("day")).isEmpty();
	}

	private static String week(String day) {
		return MarketInterval.WEEK.label(MarketInterval.WEEK.start(LocalDate.parse(day)));
	}

}
