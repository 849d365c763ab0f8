package com.bidstream.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.bidstream.contracts.Topics;

/**
 * The default infrastructure: spring-kafka-test's embedded KRaft broker and zonky's
 * embedded PostgreSQL 18, each started once per JVM and shared by every test context in
 * it. With {@code -Dbench.statements=true} (the benchmarks' breakdown by statement) the
 * PostgreSQL preloads {@code pg_stat_statements}, which zonky's binaries include.
 */
public final class EmbeddedInfrastructure implements TestInfrastructure {

	private static final int PARTITIONS = 3;

	private static volatile EmbeddedInfrastructure instance;

	private final EmbeddedKafkaKraftBroker kafka;

	private final EmbeddedPostgres postgres;

	private EmbeddedInfrastructure() {
		this.kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
		this.kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		this.kafka.brokerProperty("auto.create.topics.enable", "true");
		this.kafka.afterPropertiesSet();
		this.kafka.addTopics(Topics.ALL.stream()
			.map((topic) -> new NewTopic(topic, PARTITIONS, (short) 1))
			.toArray(NewTopic[]::new));
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (Boolean.getBoolean("bench.statements")) {
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			}
			this.postgres = builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-infrastructure-stop"));
	}

	public static EmbeddedInfrastructure get() {
		if (instance == null) {
			synchronized (EmbeddedInfrastructure.class) {
				if (instance == null) {
					instance = new EmbeddedInfrastructure();
				}
			}
		}
		return instance;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBrokersAsString();
	}

	@Override
	public synchronized Database database(String name) {
		createDatabaseIfMissing(this.postgres.getJdbcUrl("postgres", "postgres"), name);
		return new Database(this.postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
	}

	static void createDatabaseIfMissing(String adminUrl, String name) {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = java.sql.DriverManager.getConnection(adminUrl, "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
			if (!exists.next()) {
				statement.execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
	}

	private void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; nothing is left to clean up
		}
		this.kafka.destroy();
	}

}
