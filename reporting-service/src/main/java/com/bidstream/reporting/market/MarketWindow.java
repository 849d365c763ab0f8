package com.bidstream.reporting.market;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.reporting.reports.ReportPeriod;

/**
 * The listings a market report covers: those whose period time falls in {@code [from,
 * to)}, in periods of {@code interval}. Without {@code from} it starts with the period 11
 * before the one holding the end, so the report shows the last 12 weeks or months. A
 * {@code from} or {@code to} inside a period cuts that period short.
 */
record MarketWindow(Instant from, Instant to, MarketInterval interval) {

	static final int DEFAULT_PERIODS = 12;

	/**
	 * The longest window, so that one request cannot ask to aggregate every listing ever
	 * seen week by week.
	 */
	static final Duration LONGEST = Duration.ofDays(5 * 366);

	static MarketWindow parse(String from, String to, MarketInterval interval, Clock clock) {
		ReportPeriod period = ReportPeriod.parse(from, to, clock, (end) -> MarketInterval
			.atStartOfDay(interval.plus(interval.start(end.minusNanos(1)), 1 - DEFAULT_PERIODS)));
		if (Duration.between(period.from(), period.to()).compareTo(LONGEST) > 0) {
			throw ApiProblem.invalidField("from", "must be at most 5 years before to");
		}
		return new MarketWindow(period.from(), period.to(), interval);
	}

	/**
	 * The first day of the first period shown.
	 */
	LocalDate firstStart() {
		return this.interval.start(this.from);
	}

	/**
	 * The first day of the period before the first one shown, read only to tell the first
	 * period's {@code listingsChange}.
	 */
	LocalDate previousStart() {
		return this.interval.plus(firstStart(), -1);
	}

}
