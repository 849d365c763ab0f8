package com.bidstream.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.testsupport.BidstreamApi;
import com.bidstream.testsupport.DashboardQueries;
import com.bidstream.testsupport.TopicReader;

import static com.bidstream.reporting.ReportingEvents.ingested;
import static com.bidstream.reporting.ReportingEvents.pursuit;
import static com.bidstream.reporting.ReportingEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Grafana dashboard of docker-compose.yml queries only metrics that exist: every
 * metric name in its PromQL that reporting, the platform or the JVM serves is on this
 * service's {@code /actuator/prometheus}; the metrics of the other services are checked
 * the same way by a test in each of them ({@code everyMetricTheDashboardQueriesOf...}),
 * and here only their prefix is. Run as a nested class of
 * {@link ReportingIntegrationTests}, so it shares that context.
 */
abstract class DashboardMetricsTests {

	/**
	 * Metrics of another service, by prefix, and the module whose own test scrapes them.
	 */
	static final Map<String, String> OTHER_SERVICES = Map.of("bidstream_ingest_", "ingest-service",
			"bidstream_scoring_", "scoring-service", "bidstream_tracking_", "tracking-service");

	/**
	 * Series Prometheus itself writes for every scrape.
	 */
	static final Set<String> PROMETHEUS_OWN = Set.of("up");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafkaBootstrapServers;

	@Test
	void everyMetricTheDashboardQueriesOfReportingThePlatformOrTheJvmIsScraped() {
		String agency = "dashboard-" + UUID.randomUUID().toString().substring(0, 8);
		String job = "upwork:~" + agency;
		Instant now = Instant.now();
		ReportingEvents events = new ReportingEvents(new TopicReader(this.kafkaBootstrapServers));
		events.publish(ingested(agency, job, 1, now, null, now));
		events.publish(score(agency, job, 1, "enterprise", now, null, now));
		PursuitAdvanced queued = pursuit(agency, job, Action.QUEUE, Stage.QUEUED, now);
		events.publish(queued);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from inbox where consumer = 'reporting' and event_id = ?", Integer.class,
					queued.eventId()) == 1);
		BidstreamApi api = BidstreamApi.at("http://localhost:" + this.port, "dev-operator-key");
		assertThat(api.get("/api/v1/reports/market").status()).as("the market report's timer").isEqualTo(200);

		Set<String> queried = DashboardQueries.metrics(DashboardQueries.DASHBOARD);
		Set<String> scraped = DashboardQueries
			.sampleNames(BidstreamApi.at("http://localhost:" + this.port, null).get("/actuator/prometheus").body());
		Set<String> here = new TreeSet<>(queried);
		here.removeIf((name) -> PROMETHEUS_OWN.contains(name) || ofAnotherService(name));

		assertThat(here).as("the dashboard's metrics of reporting, the platform and the JVM")
			.contains("bidstream_reporting_health_status", "bidstream_reporting_market_report_seconds_count",
					"bidstream_events_consumed_total", "bidstream_outbox_pending", "jvm_memory_used_bytes");
		assertThat(here).allSatisfy((name) -> assertThat(scraped)
			.as("%s, queried by %s, on reporting's /actuator/prometheus", name, DashboardQueries.DASHBOARD)
			.contains(name));
		assertThat(queried).filteredOn(this::ofAnotherService)
			.as("the other services' metrics, each checked by its own module")
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(name).matches("bidstream_(ingest|scoring|tracking)_[a-z0-9_]+"));
	}

	private boolean ofAnotherService(String name) {
		return OTHER_SERVICES.keySet().stream().anyMatch(name::startsWith);
	}

}
