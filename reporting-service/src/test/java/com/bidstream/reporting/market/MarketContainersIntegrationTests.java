package com.bidstream.reporting.market;

import org.testcontainers.junit.jupiter.Testcontainers;

import com.bidstream.testsupport.ServiceIntegrationTest;
import com.bidstream.testsupport.ServiceIntegrationTest.Infrastructure;

/**
 * The same market tests on Kafka and PostgreSQL containers; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@ServiceIntegrationTest(database = "reporting", infrastructure = Infrastructure.CONTAINERS)
class MarketContainersIntegrationTests extends MarketIntegrationTests {

}
