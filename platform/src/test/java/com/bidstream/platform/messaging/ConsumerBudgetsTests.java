package com.bidstream.platform.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumers' time budgets add up: while the database is unreachable, one try (the
 * pool's connection timeout) and the longest wait before the next one stay well inside
 * {@code max.poll.interval.ms}, so the broker never takes a waiting consumer's partitions
 * away. (Before, a database patience of 2 minutes ran inside each of 3 attempts, past
 * Kafka's default of 5 minutes, which was not even set.)
 */
class ConsumerBudgetsTests {

	private static final String CONSUMER = "spring.cloud.stream.kafka.default.consumer.configuration.";

	@Test
	void aTryAndTheLongestWaitForTheDatabaseFitInsideThePollInterval() throws IOException {
		Properties defaults = platformDefaults();
		long maxPollInterval = Long.parseLong(defaults.getProperty(CONSUMER + "max.poll.interval.ms"));
		long connectionTimeout = Long.parseLong(defaults.getProperty("spring.datasource.hikari.connection-timeout"));

		assertThat(maxPollInterval).isGreaterThanOrEqualTo(2 * (connectionTimeout + longestDatabaseWait()));
	}

	@Test
	void theDatabaseIsWaitedForWithoutEnd() {
		BackOffExecution waits = ConsumerErrorHandling.DATABASE_BACK_OFF.start();
		for (int i = 0; i < 10_000; i++) {
			assertThat(waits.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
		}
	}

	private static long longestDatabaseWait() {
		BackOffExecution waits = ConsumerErrorHandling.DATABASE_BACK_OFF.start();
		long longest = 0;
		for (int i = 0; i < 100; i++) {
			longest = Math.max(longest, waits.nextBackOff());
		}
		return longest;
	}

	private static Properties platformDefaults() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ConsumerBudgetsTests.class
			.getResourceAsStream("/bidstream-platform-defaults.properties")) {
			properties.load(in);
		}
		return properties;
	}

}
