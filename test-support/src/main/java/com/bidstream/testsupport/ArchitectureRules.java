package com.bidstream.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rules that keep the rooms apart, written once for every service.
 */
public final class ArchitectureRules {

	private ArchitectureRules() {
	}

	/**
	 * Within {@code root}, the service's classes depend only on their own packages,
	 * {@code contracts} and {@code platform}: never on another service.
	 */
	public static ArchRule serviceIsolation(String root, String service) {
		String own = root + "." + service + "..";
		DescribedPredicate<JavaClass> otherBidstreamCode = resideInAPackage(root + "..")
			.and(DescribedPredicate.not(resideInAnyPackage(own, root + ".contracts..", root + ".platform..")));
		return noClasses().that()
			.resideInAPackage(own)
			.should()
			.dependOnClassesThat(otherBidstreamCode.as("another service's classes"))
			.as("the " + service + " service depends only on its own packages, contracts and platform");
	}

	public static ArchRule serviceIsolation(String service) {
		return serviceIsolation("com.bidstream", service);
	}

	/**
	 * Within {@code packages}, "now" is read from the one {@link java.time.Clock} bean
	 * ({@code PlatformClockAutoConfiguration}, the one class allowed to make it): never
	 * from {@code Instant.now()}, the {@code now()} of the other date-time types,
	 * {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()} or
	 * {@code System.currentTimeMillis()}. ({@code System.nanoTime()} measures a duration,
	 * not a time, and stays allowed.)
	 */
	public static ArchRule oneClock(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.and()
			.doNotHaveFullyQualifiedName("com.bidstream.platform.PlatformClockAutoConfiguration")
			.should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(OffsetDateTime.class, "now")
			.orShould()
			.callMethod(ZonedDateTime.class, "now")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.as("code in " + String.join(", ", packages) + " reads the time from the one Clock bean");
	}

	/**
	 * Pure domain logic (scoring rules, the funnel state machine, ...) imports no Spring.
	 */
	public static ArchRule freeOfSpring(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..")
			.as("domain logic in " + String.join(", ", packages) + " imports no Spring");
	}

}
