package com.bidstream.scoring.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.bidstream.scoring.model.Violation;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileRequestTests {

	@Test
	void readsAPartialChangeLeavingTheRestOutAndIgnoringTheVersion() {
		ProfileRequest.Parsed parsed = ProfileRequest
			.read(Map.of("weights", Map.of("budget", 0.5), "thresholds", Map.of("pursue", 80), "version", 7));

		assertThat(parsed.violations()).isEmpty();
		assertThat(parsed.change().weights()).containsExactly(Map.entry("budget", new BigDecimal("0.5")));
		assertThat(parsed.change().pursue()).isEqualByComparingTo("80");
		assertThat(parsed.change().review()).isNull();
		assertThat(parsed.change().redFlagTerms()).isNull();
		assertThat(parsed.change().fixedBudgetFloor()).isNull();
	}

	@Test
	void namesUnknownFieldsAndValuesOfTheWrongType() {
		ProfileRequest.Parsed parsed = ProfileRequest.read(Map.of("colour", "red", "thresholds",
				Map.of("pursue", "high", "stretch", 1), "floors", 5, "redFlagTerms", List.of("telegram", 3)));

		assertThat(parsed.violations()).extracting(Violation::field)
			.containsExactlyInAnyOrder("colour", "thresholds.pursue", "thresholds.stretch", "floors",
					"redFlagTerms[1]");
	}

	@Test
	void aWeightThatIsNotANumberIsNamed() {
		java.util.Map<String, Object> weights = new java.util.HashMap<>();
		weights.put("budget", null);
		weights.put("competition", "lots");

		assertThat(ProfileRequest.read(Map.of("weights", weights)).violations()).extracting(Violation::field)
			.containsExactlyInAnyOrder("weights.budget", "weights.competition");
	}

}
