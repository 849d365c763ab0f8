package com.bidstream.localstack.bench;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTests {

	@Test
	void nearestRankOfOneToAHundredIsTheRankItself() {
		double[] values = IntStream.rangeClosed(1, 100).mapToDouble((i) -> 101 - i).toArray();

		Percentiles p = Percentiles.of(values);

		assertThat(p.count()).isEqualTo(100);
		assertThat(p.p50()).isEqualTo(50.0);
		assertThat(p.p95()).isEqualTo(95.0);
		assertThat(p.p99()).isEqualTo(99.0);
		assertThat(p.max()).isEqualTo(100.0);
	}

	@Test
	void aSingleSlowValueAmongTenIsTheP95ButNotTheMedian() {
		double[] values = { 5, 5, 5, 5, 5, 5, 5, 5, 5, 900 };

		Percentiles p = Percentiles.of(values);

		assertThat(p.p50()).isEqualTo(5.0);
		assertThat(p.p95()).isEqualTo(900.0);
		assertThat(p.max()).isEqualTo(900.0);
	}

	@Test
	void noValuesGiveNullsNotNaN() {
		Percentiles p = Percentiles.of(new double[0]);

		assertThat(p.count()).isZero();
		assertThat(p.p50()).isNull();
		assertThat(p.max()).isNull();
	}

	@Test
	void theInputIsLeftInItsOrder() {
		double[] values = { 3, 1, 2 };

		Percentiles.of(values);

		assertThat(values).containsExactly(3, 1, 2);
	}

}
