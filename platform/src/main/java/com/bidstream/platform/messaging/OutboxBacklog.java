package com.bidstream.platform.messaging;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is waiting in the outbox, read when metrics are scraped or health is asked for,
 * never on the relay's path: {@code bidstream.outbox.pending} and
 * {@code bidstream.outbox.oldest.age} (seconds).
 */
public class OutboxBacklog {

	private final JdbcTemplate jdbc;

	public OutboxBacklog(JdbcTemplate jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		Gauge.builder("bidstream.outbox.pending", this, (backlog) -> orNaN(backlog::pending))
			.description("Events waiting in the outbox")
			.register(meters);
		Gauge
			.builder("bidstream.outbox.oldest.age", this,
					(backlog) -> orNaN(() -> backlog.oldestAge().toMillis() / 1000.0))
			.description("Age of the oldest event waiting in the outbox, 0 when it is empty")
			.baseUnit("seconds")
			.register(meters);
	}

	long pending() {
		Long pending = this.jdbc.queryForObject("select count(*) from outbox", Long.class);
		return (pending != null) ? pending : 0;
	}

	/**
	 * Measured by the database's clock, which also stamped {@code created_at}.
	 */
	Duration oldestAge() {
		Long millis = this.jdbc.queryForObject(
				"select coalesce((extract(epoch from now() - min(created_at)) * 1000)::bigint, 0) from outbox",
				Long.class);
		return Duration.ofMillis((millis != null) ? Math.max(0, millis) : 0);
	}

	private static double orNaN(java.util.function.DoubleSupplier value) {
		try {
			return value.getAsDouble();
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

}
