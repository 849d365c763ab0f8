package com.bidstream.ingest;

import org.testcontainers.junit.jupiter.Testcontainers;

import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.ServiceIntegrationTest.Infrastructure;

/**
 * The same integration tests on Kafka and PostgreSQL containers; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@ServiceIntegrationTest(database = "ingest", infrastructure = Infrastructure.CONTAINERS)
class IngestContainersIntegrationTests extends IngestIntegrationTests {

}
