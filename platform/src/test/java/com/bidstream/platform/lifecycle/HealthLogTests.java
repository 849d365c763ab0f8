package com.bidstream.platform.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.bidstream.platform.MovableClock;
import com.bidstream.platform.PlatformHealthLogAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health log through Spring Boot's own health endpoint, with two indicators a test
 * turns DOWN and UP (named as the binder's and the datasource's are).
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthLogTests {

	private final AtomicReference<Health> kafka = new AtomicReference<>(Health.up().build());

	private final AtomicReference<Health> database = new AtomicReference<>(Health.up().build());

	private final MovableClock clock = new MovableClock();

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				PlatformHealthLogAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.show-components=always")
		.withBean("clock", java.time.Clock.class, () -> this.clock)
		.withBean("binders", HealthIndicator.class, () -> this.kafka::get)
		.withBean("db", HealthIndicator.class, () -> this.database::get);

	@Test
	void anOutageIsOneLineWhenItBeginsOneWhenWhatIsDownChangesAndOneWhenItEnds(CapturedOutput output) {
		this.context.run((context) -> {
			HealthLog log = ready(context);
			log.check();
			assertThat(output).as("nothing while UP").doesNotContain("Health is");

			this.kafka.set(Health.down().build());
			log.check();
			this.clock.advance(Duration.ofSeconds(10));
			log.check();
			this.database.set(Health.down().build());
			this.clock.advance(Duration.ofSeconds(10));
			log.check();
			this.kafka.set(Health.up().build());
			this.database.set(Health.up().build());
			this.clock.advance(Duration.ofSeconds(25));
			log.check();
			log.check();

			assertThat(output.getOut().lines().filter((line) -> line.contains("Health is")).toList()).satisfiesExactly(
					(line) -> assertThat(line).contains("WARN")
						.contains("Health is DOWN: Kafka (binders) DOWN; /actuator/health shows each component"),
					(line) -> assertThat(line).contains("WARN")
						.contains("Health is still DOWN after 20 s, now: Kafka (binders) DOWN, PostgreSQL (db) DOWN"),
					(line) -> assertThat(line).contains("INFO")
						.contains("Health is UP again after 45 s (was: Kafka (binders) DOWN, PostgreSQL (db) DOWN)"));
		});
	}

	@Test
	void aServiceDownAtItsFirstCheckSaysSo(CapturedOutput output) {
		this.database.set(Health.down().build());
		this.context.run((context) -> {
			ready(context).check();

			assertThat(output).contains("Health is DOWN: PostgreSQL (db) DOWN");
		});
	}

	@Test
	void nothingIsLoggedBeforeTheApplicationIsReady(CapturedOutput output) {
		this.database.set(Health.outOfService().build());
		this.context.run((context) -> {
			HealthLog log = context.getBean(HealthLog.class);
			log.check();
			assertThat(output).doesNotContain("Health is");

			ready(context).check();
			assertThat(output).contains("Health is OUT_OF_SERVICE: PostgreSQL (db) OUT_OF_SERVICE");
		});
	}

	private static HealthLog ready(ConfigurableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
		return context.getBean(HealthLog.class);
	}

	@Test
	void offWhenSwitchedOff() {
		this.context.withPropertyValues("bidstream.health-log.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HealthLog.class));
	}

}
