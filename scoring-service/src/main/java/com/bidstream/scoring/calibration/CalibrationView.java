package com.bidstream.scoring.calibration;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/profile/calibration} as the contract shapes it.
 */
record CalibrationView(String target, String status, int outcomes, int positives, Fitted fitted, HeldOut heldOut) {

	record Fitted(Map<String, Double> weights, double intercept) {

	}

	record HeldOut(@Nullable Double aucFitted, @Nullable Double aucCurrent, @Nullable Double logLossFitted,
			@Nullable Double logLossCurrent) {

	}

}
