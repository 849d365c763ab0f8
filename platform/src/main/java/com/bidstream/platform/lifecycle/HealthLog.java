package com.bidstream.platform.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Writes one line when the service's health changes: a WARN naming what is down when it
 * goes DOWN (or what else is down while it stays so), an INFO with the outage's length
 * when it is UP again. An operator reading the log sees an outage of the broker or the
 * database begin and end here, where the Kafka clients' reconnect lines (about 17 a
 * second for reporting while the broker is gone) are kept out by the platform defaults.
 * Spring Boot computes health only when asked, and logs no change of it; this asks
 * {@link HealthEndpoint} every {@code bidstream.health-log.interval} (10 s).
 */
public class HealthLog {

	private static final Logger log = LoggerFactory.getLogger(HealthLog.class);

	/**
	 * What an operator knows the health components as.
	 */
	private static final Map<String, String> NAMES = Map.of("binders", "Kafka (binders)", "db", "PostgreSQL (db)",
			"outboxRelay", "the outbox relay (outboxRelay)");

	private final HealthEndpoint health;

	private final Clock clock;

	private Set<String> down;

	private Instant downSince;

	public HealthLog(HealthEndpoint health, Clock clock) {
		this.health = health;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${bidstream.health-log.interval:10s}",
			fixedDelayString = "${bidstream.health-log.interval:10s}")
	public void check() {
		HealthDescriptor now = this.health.health();
		Set<String> downNow = Status.UP.equals(now.getStatus()) ? Set.of() : notUp(now);
		if (downNow.equals(this.down) || (this.down == null && downNow.isEmpty())) {
			this.down = downNow;
			return;
		}
		Instant at = this.clock.instant();
		if (downNow.isEmpty()) {
			log.info("Health is UP again after {} s (was down: {})", Duration.between(this.downSince, at).toSeconds(),
					words(this.down));
		}
		else if (this.down == null || this.down.isEmpty()) {
			this.downSince = at;
			log.warn("Health is {}: {} down; /actuator/health shows each component", now.getStatus(), words(downNow));
		}
		else {
			log.warn("Health is still {} after {} s: now {} down", now.getStatus(),
					Duration.between(this.downSince, at).toSeconds(), words(downNow));
		}
		this.down = downNow;
	}

	private static Set<String> notUp(HealthDescriptor health) {
		Set<String> names = new TreeSet<>();
		if (health instanceof CompositeHealthDescriptor composite) {
			composite.getComponents().forEach((name, component) -> {
				if (!Status.UP.equals(component.getStatus())) {
					names.add(name);
				}
			});
		}
		if (names.isEmpty()) {
			names.add("(no component named)");
		}
		return names;
	}

	private static String words(Set<String> names) {
		return String.join(", ", names.stream().map((name) -> NAMES.getOrDefault(name, name)).toList());
	}

}
