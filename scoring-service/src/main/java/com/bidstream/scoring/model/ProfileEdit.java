package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bidstream.platform.web.StorableText;
import com.bidstream.scoring.model.ScoringProfile.Floors;
import com.bidstream.scoring.model.ScoringProfile.SegmentRules;
import com.bidstream.scoring.model.ScoringProfile.Thresholds;

/**
 * Applies a change to a profile: weights are known signals and not negative (and not all
 * zero), thresholds are whole numbers in 0..100 with pursue above review, floors and
 * segment rules are amounts in 0..10,000,000 with enterprise at least established, and
 * red-flag terms are 1..100 characters without control characters (at most 100 of them).
 * An accepted change is the next version.
 */
public final class ProfileEdit {

	private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(10_000_000);

	private ProfileEdit() {
	}

	public static ScoringProfile apply(ScoringProfile current, ProfileChange change) {
		List<Violation> violations = new ArrayList<>();
		Map<String, Double> weights = weights(current, change, violations);
		Thresholds thresholds = new Thresholds(
				threshold("thresholds.pursue", change.pursue(), current.thresholds().pursue(), violations),
				threshold("thresholds.review", change.review(), current.thresholds().review(), violations));
		Floors floors = new Floors(
				amount("floors.fixedBudget", change.fixedBudgetFloor(), current.floors().fixedBudget(), violations),
				amount("floors.hourlyRate", change.hourlyRateFloor(), current.floors().hourlyRate(), violations));
		SegmentRules rules = new SegmentRules(
				amount("segmentRules.enterprise", change.enterprise(), current.segmentRules().enterprise(), violations),
				amount("segmentRules.established", change.established(), current.segmentRules().established(),
						violations));
		List<String> terms = terms(change.redFlagTerms(), current.redFlagTerms(), violations);
		crossCheck(thresholds, rules, violations);
		if (!violations.isEmpty()) {
			throw new InvalidProfileException(violations);
		}
		return new ScoringProfile(weights, thresholds, floors, terms, rules, current.version() + 1);
	}

	private static Map<String, Double> weights(ScoringProfile current, ProfileChange change,
			List<Violation> violations) {
		Map<String, Double> weights = new LinkedHashMap<>(current.weights());
		if (change.weights() == null) {
			return weights;
		}
		change.weights().forEach((name, value) -> {
			String field = "weights." + name;
			if (!ScoringProfile.SIGNALS.contains(name)) {
				violations.add(new Violation(field,
						"is not a signal; the signals are " + String.join(", ", ScoringProfile.SIGNALS)));
			}
			else if (value == null) {
				violations.add(new Violation(field, "must be a number"));
			}
			else if (value.signum() < 0) {
				violations.add(new Violation(field, "must not be negative"));
			}
			else if (value.compareTo(BigDecimal.valueOf(1000)) > 0) {
				violations.add(new Violation(field, "must be at most 1000"));
			}
			else {
				weights.put(name, value.doubleValue());
			}
		});
		if (violations.isEmpty() && weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
			violations.add(new Violation("weights", "must not all be zero"));
		}
		return weights;
	}

	private static int threshold(String field, BigDecimal value, int current, List<Violation> violations) {
		if (value == null) {
			return current;
		}
		if (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			violations.add(new Violation(field, "must be between 0 and 100"));
			return current;
		}
		if (value.stripTrailingZeros().scale() > 0) {
			violations.add(new Violation(field, "must be a whole number"));
			return current;
		}
		return value.intValue();
	}

	private static BigDecimal amount(String field, BigDecimal value, BigDecimal current, List<Violation> violations) {
		if (value == null) {
			return current;
		}
		if (value.signum() < 0 || value.compareTo(MAX_AMOUNT) > 0) {
			violations.add(new Violation(field, "must be between 0 and 10000000"));
			return current;
		}
		return value;
	}

	private static List<String> terms(List<String> terms, List<String> current, List<Violation> violations) {
		if (terms == null) {
			return current;
		}
		if (terms.size() > 100) {
			violations.add(new Violation("redFlagTerms", "must hold at most 100 terms"));
			return current;
		}
		List<String> accepted = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			String term = (terms.get(i) != null) ? terms.get(i).strip() : "";
			// a NUL cannot even be stored, and no listing text is matched across one
			String control = term.isEmpty() ? null : StorableText.controlProblem(terms.get(i), false);
			if (term.isEmpty() || term.length() > 100) {
				violations.add(new Violation("redFlagTerms[" + i + "]", "must be 1 to 100 characters"));
			}
			else if (control != null) {
				violations.add(new Violation("redFlagTerms[" + i + "]", control));
			}
			else if (accepted.stream().noneMatch(term::equalsIgnoreCase)) {
				// terms match in any letter case: "Telegram" beside "telegram" flagged a
				// listing twice for one word
				accepted.add(term);
			}
		}
		return accepted;
	}

	/**
	 * Orders thresholds and segment rules, unless one of them is already invalid on its
	 * own.
	 */
	private static void crossCheck(Thresholds thresholds, SegmentRules rules, List<Violation> violations) {
		boolean thresholdsValid = violations.stream().noneMatch((v) -> v.field().startsWith("thresholds."));
		boolean rulesValid = violations.stream().noneMatch((v) -> v.field().startsWith("segmentRules."));
		if (thresholdsValid && thresholds.pursue() <= thresholds.review()) {
			violations.add(new Violation("thresholds.pursue",
					"must be above thresholds.review (" + thresholds.review() + ")"));
		}
		if (rulesValid && rules.enterprise().compareTo(rules.established()) < 0) {
			violations.add(new Violation("segmentRules.enterprise",
					"must be at least segmentRules.established (" + rules.established().toPlainString() + ")"));
		}
	}

}
