package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agency's scoring profile (contract section 4): the weight of each of the eight
 * signals, the decision thresholds, the budget floors, the red-flag terms and the client
 * segment rules. {@code version} grows with every accepted change.
 */
public record ScoringProfile(Map<String, Double> weights, Thresholds thresholds, Floors floors,
		List<String> redFlagTerms, SegmentRules segmentRules, int version) {

	/**
	 * The eight signals, in the order they are reported (fixed by the contract).
	 */
	public static final List<String> SIGNALS = List.of("budget", "clientQuality", "hireLikelihood", "proofMatch",
			"scopeDepth", "aiResilience", "competition", "freshness");

	public static final List<String> DEFAULT_RED_FLAG_TERMS = List.of("telegram", "whatsapp", "pay outside",
			"outside upwork", "skype me");

	public ScoringProfile {
		Map<String, Double> ordered = new LinkedHashMap<>();
		for (String signal : SIGNALS) {
			Double weight = (weights != null) ? weights.get(signal) : null;
			ordered.put(signal, (weight != null) ? weight : 0.0);
		}
		weights = Collections.unmodifiableMap(ordered);
		redFlagTerms = (redFlagTerms != null) ? List.copyOf(redFlagTerms) : List.of();
	}

	public static ScoringProfile defaults() {
		Map<String, Double> weights = new LinkedHashMap<>();
		weights.put("budget", 0.15);
		weights.put("clientQuality", 0.15);
		weights.put("hireLikelihood", 0.15);
		weights.put("proofMatch", 0.15);
		weights.put("scopeDepth", 0.10);
		weights.put("aiResilience", 0.10);
		weights.put("competition", 0.10);
		weights.put("freshness", 0.10);
		return new ScoringProfile(weights, new Thresholds(70, 50),
				new Floors(BigDecimal.valueOf(500), BigDecimal.valueOf(25)), DEFAULT_RED_FLAG_TERMS,
				new SegmentRules(BigDecimal.valueOf(100_000), BigDecimal.valueOf(10_000)), 1);
	}

	public double weight(String signal) {
		return this.weights.getOrDefault(signal, 0.0);
	}

	public ScoringProfile withVersion(int newVersion) {
		return new ScoringProfile(this.weights, this.thresholds, this.floors, this.redFlagTerms, this.segmentRules,
				newVersion);
	}

	/**
	 * PURSUE at or above {@code pursue}, REVIEW at or above {@code review}.
	 */
	public record Thresholds(int pursue, int review) {

	}

	/**
	 * The least a fixed budget, and an hourly rate, should be to be worth bidding on.
	 */
	public record Floors(BigDecimal fixedBudget, BigDecimal hourlyRate) {

	}

	/**
	 * The least a client must have spent to be {@code enterprise} or {@code established}.
	 */
	public record SegmentRules(BigDecimal enterprise, BigDecimal established) {

	}

}
