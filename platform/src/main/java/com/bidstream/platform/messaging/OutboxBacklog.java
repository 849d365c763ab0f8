package com.bidstream.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What is waiting in the outbox, never read on the relay's path, nor during a scrape.
 * <p>
 * The gauges {@code bidstream.outbox.pending} and {@code bidstream.outbox.oldest.age}
 * (seconds) show a {@link #sample() sample} taken every
 * {@code bidstream.messaging.backlog-sample-interval} (10 s) by a {@code @Scheduled} job.
 * Counting the whole outbox reads every row waiting, and every deleted row PostgreSQL has
 * not cleaned yet: with half a million rows that took a backend 0.4-2 s, and it ran on
 * each scrape and each health call. A sample reads at most {@value #COUNTED_EXACTLY} rows
 * waiting: below that its count and oldest age are exact; beyond it the count is
 * PostgreSQL's estimate of the table's live rows (never less than what was read) and the
 * age is that of the first event waiting, by id.
 */
public class OutboxBacklog {

	static final int COUNTED_EXACTLY = 10_000;

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private static final Logger log = LoggerFactory.getLogger(OutboxBacklog.class);

	private final JdbcTemplate jdbc;

	private final int countedExactly;

	private volatile Optional<Sample> sample = Optional.empty();

	/** Why sampling fails, while it does; touched only by the scheduled job. */
	private String failing;

	public OutboxBacklog(JdbcTemplate jdbc, MeterRegistry meters) {
		this(jdbc, meters, COUNTED_EXACTLY);
	}

	OutboxBacklog(JdbcTemplate jdbc, MeterRegistry meters, int countedExactly) {
		this.jdbc = withTimeout(jdbc);
		this.countedExactly = countedExactly;
		Gauge
			.builder("bidstream.outbox.pending", this,
					(backlog) -> backlog.sampled().map(Sample::pending).map(Long::doubleValue).orElse(Double.NaN))
			.description("Events waiting in the outbox (sampled; exact up to " + countedExactly
					+ ", PostgreSQL's estimate beyond)")
			.register(meters);
		Gauge.builder("bidstream.outbox.oldest.age", this,
				(backlog) -> backlog.sampled().map((last) -> last.oldestAge().toMillis() / 1000.0).orElse(Double.NaN))
			.description("Age of the oldest event waiting in the outbox (sampled), 0 when it is empty")
			.baseUnit("seconds")
			.register(meters);
	}

	/**
	 * Takes the gauges' sample; none (the gauges NaN) when the outbox cannot be read.
	 */
	@Scheduled(fixedDelayString = "${bidstream.messaging.backlog-sample-interval:10s}")
	public void sample() {
		boolean sampledBefore = this.failing == null;
		try {
			this.sample = Optional.of(read());
			if (!sampledBefore) {
				log.info("The outbox backlog is sampled again, after {}", this.failing);
				this.failing = null;
			}
		}
		catch (RuntimeException ex) {
			this.sample = Optional.empty();
			if (sampledBefore) {
				this.failing = OutboxBatches.rootMessage(ex);
				log.warn("The outbox backlog cannot be sampled ({}); its gauges show NaN until it can", this.failing);
			}
		}
	}

	/**
	 * Reads with a statement timeout, so that a read waiting on a lock (a migration, a
	 * {@code TRUNCATE}) fails and the gauges show NaN rather than an old sample for good.
	 */
	private static JdbcTemplate withTimeout(JdbcTemplate jdbc) {
		if (jdbc == null) {
			return null;
		}
		JdbcTemplate timed = new JdbcTemplate(jdbc.getDataSource());
		timed.setQueryTimeout((int) READ_TIMEOUT.toSeconds());
		return timed;
	}

	/**
	 * The last sample; empty before the first one and after one that failed.
	 */
	Optional<Sample> sampled() {
		return this.sample;
	}

	/**
	 * Reads up to {@code countedExactly + 1} rows, in one scan that stops there; ages are
	 * measured by the database's clock, which also stamped {@code created_at}.
	 */
	Sample read() {
		Sample head = this.jdbc.queryForObject("""
				select count(*), coalesce((extract(epoch from now() - min(created_at)) * 1000)::bigint, 0)
				from (select created_at from outbox limit ?) as head""",
				(row, i) -> new Sample(row.getLong(1), Duration.ofMillis(Math.max(0, row.getLong(2)))),
				this.countedExactly + 1);
		if (head.pending() <= this.countedExactly) {
			return head;
		}
		Long estimate = this.jdbc.queryForObject(
				"select coalesce(max(n_live_tup), 0) from pg_stat_user_tables where relid = 'outbox'::regclass",
				Long.class);
		return new Sample(Math.max(head.pending(), (estimate != null) ? estimate : 0),
				oldest().orElse(head.oldestAge()));
	}

	/**
	 * The age of the first event waiting, by the relay's order (the lowest id), through
	 * the primary key; empty when nothing waits. One index probe, unless many deleted
	 * rows at the head of the outbox wait to be cleaned: it steps over each of them.
	 */
	Optional<Duration> oldest() {
		List<Long> millis = this.jdbc.queryForList(
				"select (extract(epoch from now() - created_at) * 1000)::bigint from outbox order by id limit 1",
				Long.class);
		return millis.stream().findFirst().map((age) -> Duration.ofMillis(Math.max(0, age)));
	}

	/**
	 * @param pending the events waiting
	 * @param oldestAge the oldest one's age, zero when none waits
	 */
	record Sample(long pending, Duration oldestAge) {

	}

}
