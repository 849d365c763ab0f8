package com.bidstream.reporting;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.bidstream.testsupport.ContainerInfrastructure;
import com.bidstream.testsupport.TestInfrastructure;

/**
 * The same integration tests on Kafka and PostgreSQL containers; skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class ReportingContainersIntegrationTests extends ReportingIntegrationTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		ContainerInfrastructure.get().register(registry, "reporting");
	}

	@Override
	TestInfrastructure infrastructure() {
		return ContainerInfrastructure.get();
	}

}
