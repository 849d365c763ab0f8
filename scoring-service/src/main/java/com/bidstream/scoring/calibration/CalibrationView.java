package com.bidstream.scoring.calibration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/profile/calibration} as the contract shapes it, and {@code fit}:
 * what names this fit, for an accept of exactly the weights that were read (null before
 * {@code READY}).
 */
record CalibrationView(String target, String status, int outcomes, int positives, Fitted fitted, HeldOut heldOut,
		@Nullable String fit) {

	record Fitted(Map<String, Double> weights, double intercept) {

		/**
		 * The weights and the intercept, hashed: outcomes recorded since a read make
		 * another fit, with another name.
		 */
		String name() {
			StringBuilder text = new StringBuilder();
			this.weights.forEach((signal, weight) -> text.append(signal).append('=').append(weight).append(';'));
			text.append("intercept=").append(this.intercept);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(text.toString().getBytes(StandardCharsets.UTF_8));
				return HexFormat.of().formatHex(digest, 0, 8);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	record HeldOut(@Nullable Double aucFitted, @Nullable Double aucCurrent, @Nullable Double logLossFitted,
			@Nullable Double logLossCurrent) {

	}

}
