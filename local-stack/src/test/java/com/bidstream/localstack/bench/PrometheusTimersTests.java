package com.bidstream.localstack.bench;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class PrometheusTimersTests {

	private static final String EXPOSITION = """
			# HELP bidstream_events_latency_seconds From an event's occurredAt to the moment a consumer applied it
			# TYPE bidstream_events_latency_seconds summary
			bidstream_events_latency_seconds{consumer="tracking",event="ListingScored",quantile="0.5"} 0.012
			bidstream_events_latency_seconds{consumer="tracking",event="ListingScored",quantile="0.95"} 0.05
			bidstream_events_latency_seconds{consumer="tracking",event="ListingScored",quantile="0.99"} 0.25
			bidstream_events_latency_seconds_count{consumer="tracking",event="ListingScored"} 31000
			bidstream_events_latency_seconds_sum{consumer="tracking",event="ListingScored"} 400.5
			# TYPE bidstream_events_latency_seconds_max gauge
			bidstream_events_latency_seconds_max{consumer="tracking",event="ListingScored"} 1.5
			bidstream_events_consumed_total{consumer="tracking",event="ListingScored",result="applied"} 31000.0
			bidstream_outbox_pending 0.0
			""";

	@Test
	void readsTheQuantilesMaxAndCountInMillisecondsPerConsumerAndEvent() {
		Map<String, Percentiles> timers = PrometheusTimers.parse(EXPOSITION);

		assertThat(timers).containsOnlyKeys("tracking applied ListingScored");
		Percentiles p = timers.get("tracking applied ListingScored");
		assertThat(p.count()).isEqualTo(31000);
		assertThat(p.p50()).isCloseTo(12.0, offset(1e-9));
		assertThat(p.p95()).isCloseTo(50.0, offset(1e-9));
		assertThat(p.p99()).isCloseTo(250.0, offset(1e-9));
		assertThat(p.max()).isCloseTo(1500.0, offset(1e-9));
	}

	@Test
	void labelsInAnyOrderAndExtraLabelsAreRead() {
		String line = "bidstream_events_latency_seconds{application=\"reporting\",event=\"PursuitAdvanced\","
				+ "consumer=\"reporting\",quantile=\"0.5\"} 0.003\n";

		assertThat(PrometheusTimers.parse(line).get("reporting applied PursuitAdvanced").p50()).isCloseTo(3.0,
				offset(1e-9));
	}

	@Test
	void noTimerYetIsNoRow() {
		assertThat(PrometheusTimers.parse("bidstream_outbox_pending 0.0\n")).isEmpty();
	}

}
