package com.bidstream.reporting.funnel;

import org.junit.jupiter.api.Test;

import com.bidstream.reporting.funnel.Diagnosis.Stage;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticianTests {

	@Test
	void saysTooLittleDataWithFewerThanFiveProposals() {
		Diagnosis diagnosis = Diagnostician.diagnose(10, 8, 4, 0, 0, 0);

		assertThat(diagnosis.stage()).isEqualTo(Stage.NONE);
		assertThat(diagnosis.message()).containsIgnoringCase("too little data");
	}

	@Test
	void findsTooFewOpportunitiesWhenUnderAFifthOfManyScoredListingsAreQueued() {
		assertThat(Diagnostician.diagnose(100, 19, 0, 0, 0, 0).stage()).isEqualTo(Stage.OPPORTUNITY);
		assertThat(Diagnostician.diagnose(100, 20, 0, 0, 0, 0).stage()).isEqualTo(Stage.NONE);
		assertThat(Diagnostician.diagnose(19, 1, 0, 0, 0, 0).stage()).as("too few scored to judge")
			.isEqualTo(Stage.NONE);
	}

	@Test
	void findsThePoorReplyRateUnderFivePercentWithItsFiguresAndBenchmark() {
		Diagnosis diagnosis = Diagnostician.diagnose(80, 60, 40, 1, 1, 1);

		assertThat(diagnosis.stage()).isEqualTo(Stage.REPLY);
		assertThat(diagnosis.message()).contains("1 of 40 proposals", "3%", "poor");
		assertThat(Diagnostician.diagnose(27_094, 52, 52, 2, 1, 0).message())
			.as("a small share is not shown as none (a walkthrough read 0%)")
			.contains("Only 52 of 27094 scored listings were queued (0.2%)");
		assertThat(Diagnostician.diagnose(27_075, 12, 12, 2, 1, 0).message())
			.contains("Only 12 of 27075 scored listings were queued (under 0.1%)");
		assertThat(diagnosis.figures()).containsEntry("proposed", 40L)
			.containsEntry("replied", 1L)
			.containsEntry("replyRate", 0.025);
		assertThat(diagnosis.benchmark()).contains("under 5% is poor", "15% and more is strong");
		assertThat(Diagnostician.diagnose(80, 60, 40, 2, 2, 1).stage()).as("5% is not poor").isNotEqualTo(Stage.REPLY);
	}

	@Test
	void holdsAHealthyFunnelsReplyAndWinRatesAgainstTheirBenchmarks() {
		Diagnosis strong = Diagnostician.diagnose(100, 80, 50, 10, 5, 4);
		Diagnosis fair = Diagnostician.diagnose(100, 80, 50, 5, 5, 2);

		assertThat(strong.stage()).isEqualTo(Stage.NONE);
		assertThat(strong.message()).contains("reply rate 20% (strong)", "win rate 8% (normal)");
		assertThat(fair.message()).contains("reply rate 10% (fair)", "win rate 4% (below normal)");
		assertThat(strong.benchmark()).contains("5% to 12% is normal");
	}

	@Test
	void findsTheInterviewLeakWhenUnderThirtyPercentOfRepliesLeadToAnInterview() {
		assertThat(Diagnostician.diagnose(40, 30, 20, 10, 2, 1).stage()).isEqualTo(Stage.INTERVIEW);
		assertThat(Diagnostician.diagnose(40, 30, 20, 10, 3, 1).stage()).isNotEqualTo(Stage.INTERVIEW);
	}

	@Test
	void findsTheCloseLeakWhenUnderTwentyPercentOfInterviewsLeadToAHire() {
		assertThat(Diagnostician.diagnose(40, 30, 20, 10, 10, 1).stage()).isEqualTo(Stage.CLOSE);
		assertThat(Diagnostician.diagnose(40, 30, 20, 10, 10, 2).stage()).isEqualTo(Stage.NONE);
	}

	@Test
	void callsAFunnelAboveEveryThresholdHealthy() {
		Diagnosis diagnosis = Diagnostician.diagnose(10, 8, 6, 3, 2, 1);

		assertThat(diagnosis.stage()).isEqualTo(Stage.NONE);
		assertThat(diagnosis.message()).containsIgnoringCase("healthy");
	}

}
