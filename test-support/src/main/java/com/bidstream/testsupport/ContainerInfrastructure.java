package com.bidstream.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The opt-in infrastructure where a Docker engine exists: the same Kafka and PostgreSQL
 * versions as the local stack and {@code docker-compose.yml}, in containers started once
 * per JVM. Test classes that use it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)}.
 */
public final class ContainerInfrastructure implements TestInfrastructure {

	public static final String KAFKA_IMAGE = "apache/kafka:4.2.1";

	public static final String POSTGRES_IMAGE = "postgres:18.1";

	private static volatile ContainerInfrastructure instance;

	private final KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);

	private final PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName("postgres")
		.withUsername("postgres")
		.withPassword("postgres");

	private ContainerInfrastructure() {
		this.kafka.start();
		this.postgres.start();
	}

	public static ContainerInfrastructure get() {
		if (instance == null) {
			synchronized (ContainerInfrastructure.class) {
				if (instance == null) {
					instance = new ContainerInfrastructure();
				}
			}
		}
		return instance;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public synchronized Database database(String name) {
		String adminUrl = this.postgres.getJdbcUrl();
		EmbeddedInfrastructure.createDatabaseIfMissing(adminUrl, name);
		return new Database(adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1"), "postgres", "postgres");
	}

}
