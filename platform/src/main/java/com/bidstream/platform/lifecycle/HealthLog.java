package com.bidstream.platform.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes one line when the service's health changes: a WARN naming each component that is
 * not UP, with its status, when the service stops being UP (or when that list changes
 * while it stays so), an INFO with the outage's length when it is UP again. An operator
 * reading the log sees an outage of the broker or the database begin and end here, where
 * the Kafka clients' reconnect lines (about 17 a second for reporting while the broker is
 * gone) are kept out by the platform defaults. Spring Boot computes health only when
 * asked, and logs no change of it; this asks {@link HealthEndpoint} every
 * {@code bidstream.health-log.interval} (10 s) once the application is ready, so a
 * start's own readiness is not reported as an outage. A check waits for what it checks
 * (up to 10 s for the broker or a database connection), so an outage shorter than the
 * interval and that wait may pass without a line.
 */
public class HealthLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(HealthLog.class);

	/**
	 * What an operator knows the health components as.
	 */
	private static final Map<String, String> NAMES = Map.of("binders", "Kafka (binders)", "db", "PostgreSQL (db)",
			"outboxRelay", "the outbox relay (outboxRelay)");

	private final HealthEndpoint health;

	private final Clock clock;

	private volatile boolean ready;

	private Map<String, Status> down;

	private Instant downSince;

	public HealthLog(HealthEndpoint health, Clock clock) {
		this.health = health;
		this.clock = clock;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		this.ready = true;
	}

	@Scheduled(initialDelayString = "${bidstream.health-log.interval:10s}",
			fixedDelayString = "${bidstream.health-log.interval:10s}")
	public void check() {
		if (!this.ready) {
			return;
		}
		HealthDescriptor now = this.health.health();
		Map<String, Status> downNow = Status.UP.equals(now.getStatus()) ? Map.of() : notUp(now);
		if (downNow.equals(this.down) || (this.down == null && downNow.isEmpty())) {
			this.down = downNow;
			return;
		}
		Instant at = this.clock.instant();
		if (downNow.isEmpty()) {
			log.info("Health is UP again after {} s (was: {})", Duration.between(this.downSince, at).toSeconds(),
					words(this.down));
		}
		else if (this.down == null || this.down.isEmpty()) {
			this.downSince = at;
			log.warn("Health is {}: {}; /actuator/health shows each component", now.getStatus(), words(downNow));
		}
		else {
			log.warn("Health is still {} after {} s, now: {}", now.getStatus(),
					Duration.between(this.downSince, at).toSeconds(), words(downNow));
		}
		this.down = downNow;
	}

	/**
	 * The components that are not UP, by name, with their status.
	 */
	private static Map<String, Status> notUp(HealthDescriptor health) {
		Map<String, Status> components = new TreeMap<>();
		if (health instanceof CompositeHealthDescriptor composite) {
			composite.getComponents().forEach((name, component) -> {
				if (!Status.UP.equals(component.getStatus())) {
					components.put(name, component.getStatus());
				}
			});
		}
		if (components.isEmpty()) {
			components.put("(no component named)", health.getStatus());
		}
		return components;
	}

	private static String words(Map<String, Status> components) {
		return String.join(", ", components.entrySet()
			.stream()
			.map((component) -> NAMES.getOrDefault(component.getKey(), component.getKey()) + " " + component.getValue())
			.toList());
	}

}
