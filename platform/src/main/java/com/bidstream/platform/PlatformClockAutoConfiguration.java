package com.bidstream.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one {@link Clock} of a service: every "now" its code reads (a request's receipt, an
 * event's time, a report's default period, a latency measured) comes from this bean, the
 * system clock in UTC, so that a test can fix it in one place ({@code @Bean Clock} of its
 * own replaces it).
 */
@AutoConfiguration
public class PlatformClockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
