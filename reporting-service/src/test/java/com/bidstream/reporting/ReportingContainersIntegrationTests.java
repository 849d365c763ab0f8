package com.bidstream.reporting;

import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.ServiceIntegrationTest.Infrastructure;

/**
 * The same integration tests on Kafka and PostgreSQL containers; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@ServiceIntegrationTest(database = "reporting", infrastructure = Infrastructure.CONTAINERS)
class ReportingContainersIntegrationTests extends ReportingIntegrationTests {

	/**
	 * The dead-letter endpoints, in the same context.
	 */
	@Nested
	class DeadLetters extends DeadLetterIntegrationTests {

	}

	/**
	 * The pipeline health tests, in the same context.
	 */
	@Nested
	class PipelineHealth extends PipelineHealthTests {

	}

	/**
	 * The Grafana dashboard's metrics, scraped in the same context.
	 */
	@Nested
	class Dashboard extends DashboardMetricsTests {

	}

}
