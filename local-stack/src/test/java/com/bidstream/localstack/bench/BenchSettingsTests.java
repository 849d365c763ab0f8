package com.bidstream.localstack.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchSettingsTests {

	private final BenchSettings settings = new BenchSettings(100_000, 500_000, 1000, 30, Duration.ofMinutes(10),
			200_000, Path.of("target/bench"), true, 20_000);

	@Test
	void theLatencyStepKeepsTheAskedRateWhenThePipelineManagesAThirdMore() {
		assertThat(this.settings.steadyRate(2500)).isEqualTo(1000);
		assertThat(this.settings.steadyRate(1334)).isEqualTo(1000);
	}

	@Test
	void theLatencyStepRunsAtThreeQuartersOfTheEndToEndRateInBatchesOfWholeTicks() {
		assertThat(this.settings.steadyRate(1234)).isEqualTo(920);
		assertThat(this.settings.steadyRate(5)).isEqualTo(10);
	}

	@Test
	void listingsComeInWholeBatchesOfAThousand() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BenchSettings(1500, 1, 1000, 30, Duration.ofMinutes(1), 1, Path.of("x"), true, 0))
			.withMessageContaining("multiple of 1000");
	}

	@Test
	void theWarmUpComesInWholeBatchesTooOrNotAtAll() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BenchSettings(1000, 1, 1000, 30, Duration.ofMinutes(1), 1, Path.of("x"), true, 500))
			.withMessageContaining("--warm-up must be a multiple of 1000");
		assertThat(
				new BenchSettings(1000, 1, 1000, 30, Duration.ofMinutes(1), 1, Path.of("x"), true, 0).warmUpListings())
			.isZero();
	}

}
