package com.bidstream.reporting.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTests {

	@Test
	void bucketsDoubleEveryFourStepsFromOneMillisecondToSeventyMinutes() {
		assertThat(LatencyHistogram.upperBoundMillis(0)).isEqualTo(1);
		assertThat(LatencyHistogram.upperBoundMillis(4)).isEqualTo(2);
		assertThat(LatencyHistogram.upperBoundMillis(40)).isEqualTo(1024);
		assertThat(LatencyHistogram.upperBoundMillis(88)).isEqualTo(4_194_304);
		assertThat(LatencyHistogram.upperBoundMillis(89)).isEqualTo(4_194_304);
	}

	@Test
	void aPercentileIsTheUpperBoundOfTheBucketItsRankFallsIn() {
		long[] counts = new long[LatencyHistogram.BUCKETS];
		counts[40] = 90;
		counts[60] = 9;
		counts[80] = 1;
		assertThat(LatencyHistogram.percentile(counts, 0.50)).isEqualTo(1024);
		assertThat(LatencyHistogram.percentile(counts, 0.95)).isEqualTo(32768);
		assertThat(LatencyHistogram.percentile(counts, 0.99)).isEqualTo(32768);
		assertThat(LatencyHistogram.percentile(counts, 1.0)).isEqualTo(1_048_576);
	}

	@Test
	void nothingCountedHasNoPercentile() {
		assertThat(LatencyHistogram.percentile(new long[LatencyHistogram.BUCKETS], 0.5)).isNull();
	}

}
