package com.bidstream.reporting.market;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The market of the last complete ISO week across every agency as gauges
 * ({@code bidstream.reporting.market.*}). One query refreshes them every minute, so a
 * scrape reads the last figures and never queries the database; a gauge is NaN until the
 * first refresh and when the figure is undefined (no listings, no values).
 */
@Component
class MarketGauges {

	private static final Logger log = LoggerFactory.getLogger(MarketGauges.class);

	private final MarketReader reader;

	private final Clock clock;

	private final AtomicReference<MarketRow> lastWeek = new AtomicReference<>();

	MarketGauges(MarketReader reader, Clock clock, MeterRegistry meters) {
		this.reader = reader;
		this.clock = clock;
		gauge(meters, "listings", "Listings of the last complete week, every agency", (row) -> row.listings());
		gauge(meters, "ai.work.share", "Share of them that is AI work", MarketRow::aiWorkShare);
		gauge(meters, "under500.share", "Share of them worth under 500", MarketRow::under500Share);
		gauge(meters, "automatable.share", "Share of them that is automatable", MarketRow::automatableShare);
		gauge(meters, "human.critical.share", "Share of them that is human-critical", MarketRow::humanCriticalShare);
		gauge(meters, "pursue.share", "Share of them scored PURSUE", MarketRow::pursueShare);
		gauge(meters, "median.value", "Their median value", (row) -> orNaN(row.medianValue()));
	}

	private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<MarketRow> figure) {
		Gauge.builder("bidstream.reporting.market.last.week." + name, this.lastWeek, (last) -> {
			MarketRow row = last.get();
			return (row != null) ? figure.applyAsDouble(row) : Double.NaN;
		}).description(description).register(meters);
	}

	private static double orNaN(Double value) {
		return (value != null) ? value : Double.NaN;
	}

	/**
	 * Reads the last complete week's market again.
	 */
	void refresh() {
		var thisWeek = MarketInterval.WEEK.start(this.clock.instant());
		var start = MarketInterval.WEEK.plus(thisWeek, -1);
		this.lastWeek.set(this.reader.total(MarketInterval.WEEK, start)
			.orElse(new MarketRow("all", MarketInterval.WEEK.label(start), 0, null, Double.NaN, Double.NaN, Double.NaN,
					Double.NaN, null, Double.NaN, null)));
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
	void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			log.warn("Could not refresh the market gauges ({}); trying again in a minute", ex.getMessage());
		}
	}

}
