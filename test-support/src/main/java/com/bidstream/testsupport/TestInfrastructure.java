package com.bidstream.testsupport;

import java.util.Map;

/**
 * A real Kafka broker and a real PostgreSQL server for tests, however they are provided
 * (embedded in this JVM, or Testcontainers where Docker exists). One set of test bodies
 * runs on either.
 */
public interface TestInfrastructure {

	String kafkaBootstrapServers();

	/**
	 * A database of that name on the server, created on first use.
	 */
	Database database(String name);

	/**
	 * The properties that point a service at this broker and at the named database.
	 */
	default Map<String, Object> properties(String databaseName) {
		Database database = database(databaseName);
		return Map.of("spring.kafka.bootstrap-servers", kafkaBootstrapServers(), "spring.datasource.url",
				database.url(), "spring.datasource.username", database.username(), "spring.datasource.password",
				database.password());
	}

	record Database(String url, String username, String password) {

	}

}
