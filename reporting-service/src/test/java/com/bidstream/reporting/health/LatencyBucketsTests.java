package com.bidstream.reporting.health;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.bidstream.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health sink counts latencies into buckets in Java
 * ({@link LatencyHistogram#bucketOf}) beside buckets that earlier releases counted with
 * {@code health_latency_bucket()} in the database (V4): both must put every latency in
 * the same bucket, the edges of each bucket included.
 */
@ServiceIntegrationTest(database = "reporting")
class LatencyBucketsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void javaAndTheDatabaseFunctionPutEveryLatencyInTheSameBucket() {
		List<Double> latencies = new ArrayList<>(List.of(-5.0, 0.0, 0.5, 1.0, 1.000001, 1.5, 4.2e9));
		for (int ms = 2; ms <= 20_000; ms++) {
			latencies.add((double) ms);
		}
		for (int bucket = 1; bucket < LatencyHistogram.BUCKETS; bucket++) {
			double edge = Math.pow(2, bucket / 4.0);
			for (double near : new double[] { edge, Math.nextDown(edge), Math.nextUp(edge), Math.round(edge),
					Math.round(edge) + 1.0, Math.round(edge) - 1.0, edge + 0.001, edge - 0.001 }) {
				latencies.add(near);
			}
		}

		List<Integer> database = this.jdbc
			.sql("select health_latency_bucket(x) from unnest(?::float8[]) with ordinality as t(x, n) order by n")
			.param(latencies.toArray(Double[]::new))
			.query(Integer.class)
			.list();

		List<Integer> java = latencies.stream().map(LatencyHistogram::bucketOf).toList();
		for (int i = 0; i < latencies.size(); i++) {
			assertThat(java.get(i)).as("%s ms", latencies.get(i)).isEqualTo(database.get(i));
		}
	}

}
