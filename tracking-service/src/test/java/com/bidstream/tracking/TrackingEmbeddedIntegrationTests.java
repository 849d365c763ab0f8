package com.bidstream.tracking;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.bidstream.testsupport.EmbeddedInfrastructure;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class TrackingEmbeddedIntegrationTests extends TrackingIntegrationTests {

	@DynamicPropertySource
	static void infra(DynamicPropertyRegistry registry) {
		EmbeddedInfrastructure.get().register(registry, "tracking");
	}

}
