package com.bidstream.reporting.dashboard;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the dashboard finds the services its Queue reads and writes through
 * ({@code bidstream.reporting.scoring-url}, {@code bidstream.reporting.tracking-url}),
 * where the health report asks ingest for its feeds
 * ({@code bidstream.reporting.ingest-url}; unset, the report does not ask), and how long
 * it waits for them: a connection, then the whole answer.
 */
@ConfigurationProperties("bidstream.reporting")
record UpstreamProperties(@DefaultValue("http://localhost:8082") URI scoringUrl,
		@DefaultValue("http://localhost:8083") URI trackingUrl, URI ingestUrl,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

}
