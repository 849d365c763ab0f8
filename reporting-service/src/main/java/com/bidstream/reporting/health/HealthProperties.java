package com.bidstream.reporting.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bidstream.reporting.health.*}: how often the broker is sampled, over which
 * window the status is judged, and when a source counts as quiet.
 *
 * @param sampleInterval time between two broker samples
 * @param window the sliding window the lag and dead-letter rules look at
 * @param brokerTimeout the bound of every broker call of a sample
 * @param quietFactor a source is quiet after this many of its usual intervals without a
 * listing
 * @param quietAtLeast and never before this long
 * @param quietMinListings a source "usually sends" with at least this many listings in
 * the last 7 days
 * @param rejects how many dead letters the report lists
 * @param retention how long stage buckets are kept
 * @param probeServices whether ingest, scoring and tracking are asked for their own
 * health at each sample (at the addresses the Queue and the feeds use); off unless those
 * addresses are the services' (the launcher and the compose file turn it on)
 */
@ConfigurationProperties("bidstream.reporting.health")
record HealthProperties(@DefaultValue("5s") Duration sampleInterval, @DefaultValue("5m") Duration window,
		@DefaultValue("3s") Duration brokerTimeout, @DefaultValue("5") int quietFactor,
		@DefaultValue("30m") Duration quietAtLeast, @DefaultValue("20") int quietMinListings,
		@DefaultValue("20") int rejects, @DefaultValue("8d") Duration retention,
		@DefaultValue("false") boolean probeServices) {

}
