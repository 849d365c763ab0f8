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
	void findsTheReplyLeakWhenUnderFifteenPercentOfProposalsGetAReply() {
		Diagnosis diagnosis = Diagnostician.diagnose(40, 30, 20, 2, 2, 1);

		assertThat(diagnosis.stage()).isEqualTo(Stage.REPLY);
		assertThat(diagnosis.message()).contains("2 of 20 proposals", "10%");
		assertThat(Diagnostician.diagnose(40, 30, 20, 3, 3, 1).stage()).isNotEqualTo(Stage.REPLY);
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
