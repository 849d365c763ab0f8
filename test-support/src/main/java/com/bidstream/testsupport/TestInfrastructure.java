package com.bidstream.testsupport;

import org.springframework.test.context.DynamicPropertyRegistry;

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
	 * Points a Spring test context at this broker and at the named database.
	 */
	default void register(DynamicPropertyRegistry registry, String databaseName) {
		Database database = database(databaseName);
		registry.add("spring.kafka.bootstrap-servers", this::kafkaBootstrapServers);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	record Database(String url, String username, String password) {

	}

}
