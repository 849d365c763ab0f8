package com.bidstream.tracking;

import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.bidstream.testsupport.ContainerInfrastructure;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
@Testcontainers(disabledWithoutDocker = true)
class TrackingContainersIntegrationTests extends TrackingIntegrationTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		ContainerInfrastructure.get().register(registry, "tracking");
	}

}
