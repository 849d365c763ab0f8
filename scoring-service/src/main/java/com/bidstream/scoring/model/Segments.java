package com.bidstream.scoring.model;

import java.math.BigDecimal;

import com.bidstream.scoring.model.ScoringProfile.SegmentRules;

/**
 * A client's segment by what it has spent: {@code enterprise} and {@code established}
 * from the profile's rules, {@code emerging} above zero, {@code new} at zero or unknown.
 */
public final class Segments {

	private Segments() {
	}

	public static String of(BigDecimal totalSpent, SegmentRules rules) {
		if (totalSpent == null || totalSpent.signum() <= 0) {
			return "new";
		}
		if (totalSpent.compareTo(rules.enterprise()) >= 0) {
			return "enterprise";
		}
		if (totalSpent.compareTo(rules.established()) >= 0) {
			return "established";
		}
		return "emerging";
	}

}
