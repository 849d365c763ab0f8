package com.bidstream.scoring.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The numbers of a calibration, on plain arrays: a logistic regression whose weights stay
 * non-negative (projected gradient descent with a little L2 shrinkage, so that it ends
 * the same on the same data), the area under the ROC curve (ties counted half) and the
 * mean log loss. Non-negative weights are what a profile can hold, and with them the
 * fitted model ranks listings exactly as a profile of the same weights scores them.
 */
final class Fit {

	static final int ITERATIONS = 3_000;

	/**
	 * Below 4 / (features + 1): features in 0..1 bound the curvature of the mean log loss
	 * by (features + 1) / 4, so a longer step would oscillate instead of converging.
	 */
	static final double STEP = 0.4;

	static final double SHRINK = 1e-3;

	private Fit() {
	}

	/**
	 * Weights (one per feature, all >= 0) and an intercept, as {@code [w0..wn-1, b]}.
	 */
	static double[] logistic(List<double[]> features, List<Boolean> labels) {
		int n = features.size();
		int k = features.get(0).length;
		double[] w = new double[k + 1];
		double[] gradient = new double[k + 1];
		for (int iteration = 0; iteration < ITERATIONS; iteration++) {
			Arrays.fill(gradient, 0);
			for (int i = 0; i < n; i++) {
				double[] x = features.get(i);
				double error = sigmoid(linear(w, x)) - (labels.get(i) ? 1 : 0);
				for (int j = 0; j < k; j++) {
					gradient[j] += error * x[j];
				}
				gradient[k] += error;
			}
			for (int j = 0; j < k; j++) {
				w[j] = Math.max(0, w[j] - STEP * (gradient[j] / n + SHRINK * w[j]));
			}
			w[k] -= STEP * gradient[k] / n;
		}
		return w;
	}

	static double linear(double[] w, double[] x) {
		double sum = w[w.length - 1];
		for (int j = 0; j < x.length; j++) {
			sum += w[j] * x[j];
		}
		return sum;
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	/**
	 * The chance that a positive ranks above a negative; null without both.
	 */
	static Double auc(List<Double> scores, List<Boolean> labels) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble(scores::get));
		double positiveRanks = 0;
		long positives = 0;
		int i = 0;
		while (i < order.size()) {
			int j = i;
			while (j + 1 < order.size() && scores.get(order.get(j + 1)).equals(scores.get(order.get(i)))) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int t = i; t <= j; t++) {
				if (labels.get(order.get(t))) {
					positiveRanks += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = scores.size() - positives;
		if (positives == 0 || negatives == 0) {
			return null;
		}
		return (positiveRanks - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
	}

	/**
	 * The mean log loss of these probabilities; null without any.
	 */
	static Double logLoss(List<Double> probabilities, List<Boolean> labels) {
		if (probabilities.isEmpty()) {
			return null;
		}
		double sum = 0;
		for (int i = 0; i < probabilities.size(); i++) {
			double p = Math.min(1 - 1e-6, Math.max(1e-6, probabilities.get(i)));
			sum -= labels.get(i) ? Math.log(p) : Math.log(1 - p);
		}
		return sum / probabilities.size();
	}

}
