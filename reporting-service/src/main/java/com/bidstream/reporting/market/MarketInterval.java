package com.bidstream.reporting.market;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Optional;

/**
 * The length of a market report's periods, named as the {@code interval} parameter: ISO
 * weeks (Monday to Sunday, UTC) labelled by week-based year and week ({@code 2026-W53}),
 * or calendar months (UTC) labelled {@code 2026-11}.
 */
enum MarketInterval {

	WEEK("week", "week_start") {

		@Override
		LocalDate start(LocalDate day) {
			return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		}

		@Override
		LocalDate plus(LocalDate start, long periods) {
			return start.plusWeeks(periods);
		}

		@Override
		String label(LocalDate start) {
			return String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
					start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		}

	},

	MONTH("month", "month_start") {

		@Override
		LocalDate start(LocalDate day) {
			return day.withDayOfMonth(1);
		}

		@Override
		LocalDate plus(LocalDate start, long periods) {
			return start.plusMonths(periods);
		}

		@Override
		String label(LocalDate start) {
			return String.format("%d-%02d", start.getYear(), start.getMonthValue());
		}

	};

	private final String parameter;

	private final String column;

	MarketInterval(String parameter, String column) {
		this.parameter = parameter;
		this.column = column;
	}

	static Optional<MarketInterval> fromParameter(String value) {
		return Arrays.stream(values()).filter((interval) -> interval.parameter.equals(value)).findFirst();
	}

	String parameter() {
		return this.parameter;
	}

	/**
	 * The column of {@code market_listings} holding the first day of a listing's period.
	 */
	String column() {
		return this.column;
	}

	/**
	 * The first day of the period holding the day.
	 */
	abstract LocalDate start(LocalDate day);

	/**
	 * The first day of the period {@code periods} after (or before, when negative) the
	 * period starting on {@code start}.
	 */
	abstract LocalDate plus(LocalDate start, long periods);

	abstract String label(LocalDate start);

	/**
	 * The first day of the period holding the instant (UTC).
	 */
	LocalDate start(Instant instant) {
		return start(LocalDate.ofInstant(instant, ZoneOffset.UTC));
	}

	static Instant atStartOfDay(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
