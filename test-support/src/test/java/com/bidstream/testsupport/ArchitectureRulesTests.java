package com.bidstream.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureRulesTests {

	static final String ROOT = "com.bidstream.testsupport.archfixture";

	final JavaClasses fixture = new ClassFileImporter().importPackages(ROOT);

	@Test
	void aServiceThatUsesOnlyContractsPasses() {
		assertThat(ArchitectureRules.serviceIsolation(ROOT, "alpha").evaluate(this.fixture).hasViolation()).isFalse();
	}

	@Test
	void aServiceThatImportsAnotherServiceFails() {
		var result = ArchitectureRules.serviceIsolation(ROOT, "beta").evaluate(this.fixture);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("BetaService", "AlphaService");
	}

	@Test
	void readingTheSystemClockInsteadOfTheClockBeanFails() {
		var clean = ArchitectureRules.oneClock(ROOT + ".alpha..").evaluate(this.fixture);
		var dirty = ArchitectureRules.oneClock(ROOT + ".gamma..").evaluate(this.fixture);

		assertThat(clean.hasViolation()).isFalse();
		assertThat(dirty.hasViolation()).isTrue();
		assertThat(dirty.getFailureReport().toString()).contains("Instant.now()", "Clock.systemUTC()",
				"System.currentTimeMillis()", "LocalDate.now(java.time.ZoneId)", "Date.<init>()");
		assertThat(dirty.getFailureReport().toString()).as("reading a Clock it is given is the rule")
			.doesNotContain("GammaService.givenClock");
	}

	@Test
	void springInDomainLogicFails() {
		var clean = ArchitectureRules.freeOfSpring(ROOT + ".alpha..").evaluate(this.fixture);
		var dirty = ArchitectureRules.freeOfSpring("com.bidstream.testsupport")
			.evaluate(new ClassFileImporter().importClasses(InfrastructureContextCustomizerFactory.class));

		assertThat(clean.hasViolation()).isFalse();
		assertThat(dirty.hasViolation()).as("the customizer factory implements a Spring interface").isTrue();
	}

}
