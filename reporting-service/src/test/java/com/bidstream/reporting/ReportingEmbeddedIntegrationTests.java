package com.bidstream.reporting;

import org.junit.jupiter.api.Nested;

import com.bidstream.testsupport.ServiceIntegrationTest;

/**
 * The integration tests on the embedded KRaft broker and embedded PostgreSQL 18.
 */
@ServiceIntegrationTest(database = "reporting")
class ReportingEmbeddedIntegrationTests extends ReportingIntegrationTests {

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
