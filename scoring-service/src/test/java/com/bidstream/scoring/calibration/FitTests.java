package com.bidstream.scoring.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FitTests {

	@Test
	void aucIsTheChanceAPositiveRanksAboveANegativeWithTiesCountedHalf() {
		assertThat(Fit.auc(List.of(0.1, 0.4, 0.35, 0.8), List.of(false, false, true, true))).isEqualTo(0.75);
		assertThat(Fit.auc(List.of(0.5, 0.5), List.of(true, false))).isEqualTo(0.5);
		assertThat(Fit.auc(List.of(0.2, 0.9), List.of(true, true))).as("one kind only").isNull();
	}

	@Test
	void logLossIsTheMeanNegativeLogLikelihood() {
		assertThat(Fit.logLoss(List.of(0.5, 0.5), List.of(true, false))).isCloseTo(Math.log(2), within(1e-9));
		assertThat(Fit.logLoss(List.of(), List.of())).isNull();
	}

	@Test
	void theFitFindsTheSignalThatPredictsAndKeepsEveryWeightNonNegative() {
		Random random = new Random(7);
		List<double[]> features = new ArrayList<>();
		List<Boolean> labels = new ArrayList<>();
		for (int i = 0; i < 400; i++) {
			double predictive = random.nextDouble();
			double noise = random.nextDouble();
			double against = random.nextDouble();
			features.add(new double[] { predictive, noise, against });
			// the outcome follows the first feature, and runs against the third
			labels.add(random.nextDouble() < Fit.sigmoid(6 * predictive - 3 * against - 1.5));
		}

		double[] w = Fit.logistic(features, labels);

		assertThat(w[0]).isGreaterThan(2 * Math.max(w[1], 0.1));
		assertThat(w[2]).as("a signal that runs against the outcome is not weighed negatively").isZero();
		assertThat(w[1]).isGreaterThanOrEqualTo(0);
		assertThat(Fit.logistic(features, labels)).as("the same data, the same fit").containsExactly(w);
	}

}
