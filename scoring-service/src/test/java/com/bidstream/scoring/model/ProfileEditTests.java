package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileEditTests {

	final ScoringProfile defaults = ScoringProfile.defaults();

	@Test
	void theDefaultProfileIsTheContractsOne() {
		assertThat(this.defaults.weights()).containsExactly(Map.entry("budget", 0.15), Map.entry("clientQuality", 0.15),
				Map.entry("hireLikelihood", 0.15), Map.entry("proofMatch", 0.15), Map.entry("scopeDepth", 0.10),
				Map.entry("aiResilience", 0.10), Map.entry("competition", 0.10), Map.entry("freshness", 0.10));
		assertThat(this.defaults.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(this.defaults.thresholds()).isEqualTo(new ScoringProfile.Thresholds(70, 50));
		assertThat(this.defaults.redFlagTerms()).containsExactly("telegram", "whatsapp", "pay outside",
				"outside upwork", "skype me");
		assertThat(this.defaults.version()).isEqualTo(1);
	}

	@Test
	void aChangeKeepsWhatItLeavesOutAndIsTheNextVersion() {
		ScoringProfile changed = ProfileEdit.apply(this.defaults,
				change(Map.of("budget", new BigDecimal("0.5")), null, null));

		assertThat(changed.weight("budget")).isEqualTo(0.5);
		assertThat(changed.weight("freshness")).isEqualTo(0.10);
		assertThat(changed.thresholds()).isEqualTo(this.defaults.thresholds());
		assertThat(changed.floors()).isEqualTo(this.defaults.floors());
		assertThat(changed.redFlagTerms()).isEqualTo(this.defaults.redFlagTerms());
		assertThat(changed.version()).isEqualTo(2);
	}

	@Test
	void rejectsNegativeWeightsNamingTheWeight() {
		assertThat(violations(change(Map.of("budget", new BigDecimal("-0.1")), null, null)))
			.containsExactly(new Violation("weights.budget", "must not be negative"));
	}

	@Test
	void rejectsUnknownSignalNames() {
		assertThat(violations(change(Map.of("vibes", BigDecimal.ONE), null, null))).singleElement()
			.satisfies((violation) -> assertThat(violation.field()).isEqualTo("weights.vibes"));
	}

	@Test
	void rejectsWeightsThatAreAllZero() {
		Map<String, BigDecimal> zeros = new LinkedHashMap<>();
		ScoringProfile.SIGNALS.forEach((signal) -> zeros.put(signal, BigDecimal.ZERO));

		assertThat(violations(change(zeros, null, null))).extracting(Violation::field).containsExactly("weights");
	}

	@Test
	void rejectsThresholdsThatAreNotOrderedOrOutOfRange() {
		assertThat(violations(change(null, 50, 60))).extracting(Violation::field).containsExactly("thresholds.pursue");
		assertThat(violations(change(null, 40, null))).extracting(Violation::field)
			.containsExactly("thresholds.pursue");
		assertThat(violations(change(null, 101, null))).extracting(Violation::field)
			.containsExactly("thresholds.pursue");
		assertThat(violations(change(null, null, -1))).extracting(Violation::field)
			.containsExactly("thresholds.review");
	}

	@Test
	void acceptsOrderedThresholdsAndRejectsFractionalOnes() {
		assertThat(ProfileEdit.apply(this.defaults, change(null, 90, 80)).thresholds())
			.isEqualTo(new ScoringProfile.Thresholds(90, 80));
		assertThat(violations(new ProfileChange(null, new BigDecimal("70.5"), null, null, null, null, null, null)))
			.containsExactly(new Violation("thresholds.pursue", "must be a whole number"));
	}

	@Test
	void rejectsNegativeFloorsBlankTermsAndEnterpriseBelowEstablished() {
		ProfileChange change = new ProfileChange(null, null, null, BigDecimal.valueOf(-1), null, List.of("ok", " "),
				BigDecimal.valueOf(5_000), null);

		assertThat(violations(change)).extracting(Violation::field)
			.containsExactlyInAnyOrder("floors.fixedBudget", "redFlagTerms[1]", "segmentRules.enterprise");
		assertThat(violations(new ProfileChange(null, null, null, null, null, null, BigDecimal.valueOf(5_000), null)))
			.extracting(Violation::field)
			.containsExactly("segmentRules.enterprise");
	}

	@Test
	void rejectsRedFlagTermsWithControlCharactersNamingTheTerm() {
		ProfileChange change = new ProfileChange(null, null, null, null, null,
				List.of("telegram", "pay\u0000outside", "what\u0007sapp", "line\nbreak"), null, null);

		assertThat(violations(change)).extracting(Violation::field)
			.containsExactly("redFlagTerms[1]", "redFlagTerms[2]", "redFlagTerms[3]");
	}

	@Test
	void capsTheNumberOfRedFlagTermsAndTheirLength() {
		List<String> many = java.util.stream.IntStream.rangeClosed(1, 101).mapToObj((n) -> "term " + n).toList();

		assertThat(violations(new ProfileChange(null, null, null, null, null, many, null, null)))
			.extracting(Violation::field)
			.containsExactly("redFlagTerms");
		assertThat(violations(new ProfileChange(null, null, null, null, null, List.of("x".repeat(101)), null, null)))
			.extracting(Violation::field)
			.containsExactly("redFlagTerms[0]");
	}

	@Test
	void keepsARedFlagTermOnceWhateverItsLetterCase() {
		ScoringProfile changed = ProfileEdit.apply(this.defaults, new ProfileChange(null, null, null, null, null,
				List.of("Telegram", "telegram", " TELEGRAM ", "signal"), null, null));

		assertThat(changed.redFlagTerms()).containsExactly("Telegram", "signal");
	}

	static ProfileChange change(Map<String, BigDecimal> weights, Integer pursue, Integer review) {
		return new ProfileChange(weights, (pursue != null) ? BigDecimal.valueOf(pursue) : null,
				(review != null) ? BigDecimal.valueOf(review) : null, null, null, null, null, null);
	}

	List<Violation> violations(ProfileChange change) {
		return assertThatExceptionOfType(InvalidProfileException.class)
			.isThrownBy(() -> ProfileEdit.apply(this.defaults, change))
			.actual()
			.violations();
	}

}
