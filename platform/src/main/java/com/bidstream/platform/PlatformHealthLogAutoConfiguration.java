package com.bidstream.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.context.annotation.Bean;

import com.bidstream.platform.lifecycle.HealthLog;

/**
 * A line in the log when the service's health changes ({@link HealthLog}); off with
 * {@code bidstream.health-log.enabled=false}.
 */
@AutoConfiguration(after = HealthEndpointAutoConfiguration.class)
@ConditionalOnBean(HealthEndpoint.class)
@ConditionalOnBooleanProperty(name = "bidstream.health-log.enabled", matchIfMissing = true)
public class PlatformHealthLogAutoConfiguration {

	@Bean
	HealthLog healthLog(HealthEndpoint health, Clock clock) {
		return new HealthLog(health, clock);
	}

}
