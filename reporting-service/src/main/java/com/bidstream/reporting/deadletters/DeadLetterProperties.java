package com.bidstream.reporting.deadletters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bidstream.reporting.dead-letters.*}: how long any one broker call may take
 * before the endpoints answer 503, and how often the dead-letter gauges are refreshed.
 */
@ConfigurationProperties("bidstream.reporting.dead-letters")
record DeadLetterProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration refreshInterval) {

}
