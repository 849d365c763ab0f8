package com.bidstream.scoring.model;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.bidstream.scoring.model.ScoringProfile.SegmentRules;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentsTests {

	final SegmentRules rules = ScoringProfile.defaults().segmentRules();

	@ParameterizedTest
	@CsvSource({ "0, new", "0.01, emerging", "9999.99, emerging", "10000, established", "99999, established",
			"100000, enterprise", "2500000, enterprise" })
	void clientsAreSegmentedByWhatTheySpentAtTheBoundaries(String spent, String segment) {
		assertThat(Segments.of(new BigDecimal(spent), this.rules)).isEqualTo(segment)
			.as("a segment the contract names, which tracking's filter takes")
			.isIn(com.bidstream.contracts.ListingScored.SEGMENTS);
	}

	@Test
	void aClientWhoseSpendIsUnknownIsNew() {
		assertThat(Segments.of(null, this.rules)).isEqualTo("new");
	}

	@Test
	void theProfilesRulesMoveTheBoundaries() {
		SegmentRules lower = new SegmentRules(BigDecimal.valueOf(5_000), BigDecimal.valueOf(1_000));

		assertThat(Segments.of(BigDecimal.valueOf(5_000), lower)).isEqualTo("enterprise");
		assertThat(Segments.of(BigDecimal.valueOf(1_000), lower)).isEqualTo("established");
	}

}
