package com.bidstream.reporting;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.bidstream.testsupport.EmbeddedInfrastructure;
import com.bidstream.testsupport.TestInfrastructure;

/**
 * The integration tests on the embedded KRaft broker and zonky PostgreSQL (the default).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class ReportingEmbeddedIntegrationTests extends ReportingIntegrationTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.get().register(registry, "reporting");
	}

	@Override
	TestInfrastructure infrastructure() {
		return EmbeddedInfrastructure.get();
	}

}
