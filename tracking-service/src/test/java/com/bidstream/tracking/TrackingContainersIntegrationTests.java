package com.bidstream.tracking;

import org.testcontainers.junit.jupiter.Testcontainers;

import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.ServiceIntegrationTest.Infrastructure;

/**
 * The same integration tests on Kafka and PostgreSQL containers; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@ServiceIntegrationTest(database = "tracking", infrastructure = Infrastructure.CONTAINERS)
class TrackingContainersIntegrationTests extends TrackingIntegrationTests {

}
