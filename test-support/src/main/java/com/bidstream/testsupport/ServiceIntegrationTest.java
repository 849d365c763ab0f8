package com.bidstream.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A service's integration test: the whole application on a random port, with the dev
 * keys, wired to a real Kafka broker and a real PostgreSQL database of the given name.
 * One abstract class holds the test bodies; one subclass per {@link Infrastructure} runs
 * them (the containers one also carries
 * {@code @Testcontainers(disabledWithoutDocker = true)}). Tests read the broker address
 * from {@code spring.kafka.bootstrap-servers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
public @interface ServiceIntegrationTest {

	/** The service's database on the shared server, created on first use. */
	String database();

	Infrastructure infrastructure() default Infrastructure.EMBEDDED;

	enum Infrastructure {

		/** spring-kafka-test's KRaft broker and zonky's PostgreSQL, in this JVM. */
		EMBEDDED,

		/** Testcontainers, where a Docker engine exists. */
		CONTAINERS;

		TestInfrastructure get() {
			return (this == EMBEDDED) ? EmbeddedInfrastructure.get() : ContainerInfrastructure.get();
		}

	}

}
