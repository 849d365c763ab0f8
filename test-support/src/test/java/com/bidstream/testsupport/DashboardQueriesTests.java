package com.bidstream.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading metric names out of the dashboard's PromQL.
 */
class DashboardQueriesTests {

	@Test
	void keepsMetricNamesAndDropsFunctionsGroupingLabelsRangesAndVariables() {
		assertThat(DashboardQueries.metrics(
				"sum by (stage) (rate(bidstream_reporting_health_stage_processed_total{stage=~\"ingest|scoring\"}[$__rate_interval])) * 60"))
			.containsExactly("bidstream_reporting_health_stage_processed_total");
		assertThat(DashboardQueries.metrics("histogram_quantile(0.95, sum(rate(x_seconds_bucket[5m])) by (le))"))
			.containsExactly("x_seconds_bucket");
		assertThat(DashboardQueries.metrics("a_sum / on(application) group_left(area) b_count offset 1h > bool 1e3"))
			.containsExactly("a_sum", "b_count");
		assertThat(DashboardQueries.metrics("up{job=~\"ingest|sum(nothing)\"} or vector(0) unless ${other}"))
			.containsExactly("up");
	}

	@Test
	void readsEveryExpressionOfTheDashboard() {
		assertThat(DashboardQueries.expressions(DashboardQueries.DASHBOARD)).hasSizeGreaterThan(30);
		assertThat(DashboardQueries.metrics(DashboardQueries.DASHBOARD)).contains("bidstream_reporting_health_status",
				"bidstream_reporting_dead_letters", "bidstream_events_consumed_total", "jvm_memory_used_bytes",
				"bidstream_ingest_listings_total");
	}

	@Test
	void readsTheSampleNamesOfAnExposition() {
		assertThat(DashboardQueries.sampleNames("""
				# HELP a_total A
				# TYPE a_total counter
				a_total{application="reporting"} 1.0
				b_seconds_count 2
				""")).containsExactly("a_total", "b_seconds_count");
	}

}
