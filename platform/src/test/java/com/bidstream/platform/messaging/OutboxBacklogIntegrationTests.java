package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

class OutboxBacklogIntegrationTests {

	static final DataSource DATABASE = PlatformDatabase.migrated("platform_backlog");

	final JdbcTemplate jdbc = new JdbcTemplate(DATABASE);

	final MeterRegistry meters = new SimpleMeterRegistry();

	@AfterEach
	void cleanUp() {
		this.jdbc.update("delete from outbox");
	}

	@Test
	void theGaugesShowTheLastSampleAndAScrapeReadsNothing() {
		OutboxBacklog backlog = new OutboxBacklog(this.jdbc, this.meters);
		assertThat(gauge("bidstream.outbox.pending")).as("before the first sample").isNaN();
		append(5, "90 seconds");

		backlog.sample();
		append(3, "0 seconds");

		assertThat(gauge("bidstream.outbox.pending")).as("the sample, not the table now").isEqualTo(5);
		assertThat(gauge("bidstream.outbox.oldest.age")).isCloseTo(90, within(5.0));
		assertThat(backlog.sampled()).hasValueSatisfying((last) -> assertThat(last.pending()).isEqualTo(5));

		backlog.sample();

		assertThat(gauge("bidstream.outbox.pending")).isEqualTo(8);
	}

	@Test
	void theOldestIsTheFirstEventWaitingAndNothingWhenTheOutboxIsEmpty() {
		OutboxBacklog backlog = new OutboxBacklog(this.jdbc, this.meters);
		assertThat(backlog.oldest()).isEmpty();

		append(1, "10 seconds");
		append(1, "3 minutes");

		assertThat(backlog.oldest()).as("the first by id, as the relay takes them")
			.hasValueSatisfying((age) -> assertThat(age).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(20)));
		backlog.sample();
		assertThat(gauge("bidstream.outbox.oldest.age")).as("below the bound, the oldest of all")
			.isCloseTo(180, within(10.0));
	}

	/**
	 * Beyond the rows counted exactly, the count is PostgreSQL's estimate of the live
	 * rows, which its statistics system updates once the writers' sessions report, and
	 * never less than what was counted.
	 */
	@Test
	void beyondTheRowsCountedExactlyThePendingCountIsPostgresEstimate() {
		OutboxBacklog backlog = new OutboxBacklog(this.jdbc, this.meters, 3);

		append(1, "2 minutes");
		append(2, "0 seconds");
		assertThat(backlog.read().pending()).as("exact").isEqualTo(3);
		append(4, "0 seconds");

		assertThat(backlog.read().oldestAge()).as("the first event's, by id")
			.isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(10));
		this.jdbc.execute("analyze outbox");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(backlog.read().pending()).isEqualTo(7));
	}

	@Test
	void aSampleOfAnOutboxThatCannotBeReadIsNotANumberAndTheNextOneThatCanIsShown() {
		AtomicBoolean broken = new AtomicBoolean();
		OutboxBacklog backlog = new OutboxBacklog(this.jdbc, this.meters) {
			@Override
			Sample read() {
				if (broken.get()) {
					throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
				}
				return super.read();
			}
		};
		append(2, "0 seconds");
		backlog.sample();
		assertThat(gauge("bidstream.outbox.pending")).isEqualTo(2);

		broken.set(true);
		backlog.sample();

		assertThat(gauge("bidstream.outbox.pending")).isNaN();
		assertThat(gauge("bidstream.outbox.oldest.age")).isNaN();
		assertThat(backlog.sampled()).isEmpty();

		broken.set(false);
		backlog.sample();

		assertThat(gauge("bidstream.outbox.pending")).isEqualTo(2);
	}

	@Test
	void aReadWaitingOnALockFailsAfterItsTimeoutInsteadOfHoldingTheSample() throws Exception {
		OutboxBacklog backlog = new OutboxBacklog(this.jdbc, this.meters);
		try (Connection locker = DATABASE.getConnection()) {
			locker.setAutoCommit(false);
			locker.createStatement().execute("lock table outbox in access exclusive mode");

			// without the read's timeout, the sample would wait for the lock for good
			assertTimeoutPreemptively(Duration.ofSeconds(30), backlog::sample);

			assertThat(backlog.sampled()).isEmpty();
			locker.rollback();
		}
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	private void append(int events, String age) {
		for (int i = 0; i < events; i++) {
			this.jdbc.update(
					"insert into outbox (topic, msg_key, event_id, event_type, payload, created_at) values ('listings.ingested', ?, ?, 'ListingIngested', ?, now() - ?::interval)",
					"listing-" + i, UUID.randomUUID(), "{}".getBytes(StandardCharsets.UTF_8), age);
		}
	}

}
