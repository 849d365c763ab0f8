package com.bidstream.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
	 * from {@code Instant.now()}, the {@code now()} and {@code now(ZoneId)} of the other
	 * date-time types, {@code Clock.systemUTC()}, {@code Clock.systemDefaultZone()},
	 * {@code Clock.system(ZoneId)}, {@code System.currentTimeMillis()},
	 * {@code new Date()} or {@code Calendar.getInstance()}. ({@code System.nanoTime()}
	 * measures a duration, not a time, and stays allowed; {@code now(Clock)} is the
	 * rule.)
	 */
	public static ArchRule oneClock(String... packages) {
		return noClasses().that()
			.resideInAnyPackage(packages)
			.and()
			.doNotHaveFullyQualifiedName("com.bidstream.platform.PlatformClockAutoConfiguration")
			.should()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethodWhere(readsTheSystemClock())
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(Clock.class, "systemDefaultZone")
			.orShould()
			.callMethod(Clock.class, "system", ZoneId.class)
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callConstructor(Date.class)
			.orShould()
			.callMethod(Calendar.class, "getInstance")
			.as("code in " + String.join(", ", packages) + " reads the time from the one Clock bean");
	}

	/**
	 * {@code now()} or {@code now(ZoneId)} of a date-time type: the system clock.
	 */
	private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
		Set<String> types = Set.of(LocalDate.class.getName(), LocalDateTime.class.getName(), LocalTime.class.getName(),
				OffsetDateTime.class.getName(), OffsetTime.class.getName(), ZonedDateTime.class.getName(),
				Year.class.getName(), YearMonth.class.getName());
		return DescribedPredicate.describe("now() of a date-time type",
				(call) -> types.contains(call.getTargetOwner().getName()) && call.getName().equals("now")
						&& (call.getTarget().getRawParameterTypes().isEmpty()
								|| call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(ZoneId.class)));
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
