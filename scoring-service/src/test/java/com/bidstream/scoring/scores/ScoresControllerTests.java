package com.bidstream.scoring.scores;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;
import com.bidstream.platform.PlatformClockAutoConfiguration;
import com.bidstream.platform.PlatformWebAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

@WebMvcTest(ScoresController.class)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformClockAutoConfiguration.class })
@TestPropertySource(properties = "bidstream.security.dev-keys=true")
class ScoresControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	ScoreStore scores;

	static ScoreView view(String agency, String jobKey) {
		return new ScoreView(jobKey, agency, "Kafka pipeline for a fintech", "https://www.upwork.com/jobs/~0212", 2, 82,
				Decision.PURSUE, "enterprise", BudgetBand.MEDIUM, true, AiExposure.AI_ASSISTED,
				List.of(new Signal("budget", 0.9, 0.15, "fixed $4,000 is above the $500 floor")), List.of(), List.of(),
				"default-1", Instant.parse("2026-11-22T09:15:00.120Z"));
	}

	@Test
	void answersTheCallersScoreInTheContractsShape() {
		given(this.scores.find("demo", "upwork:~0212")).willReturn(Optional.of(view("demo", "upwork:~0212")));

		var response = this.mvc.get().uri("/api/v1/scores/upwork:~0212").header("X-Api-Key", "dev-demo-key").exchange();

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.jobKey").isEqualTo("upwork:~0212");
		assertThat(response).bodyJson().extractingPath("$.agencyId").isEqualTo("demo");
		assertThat(response).bodyJson().extractingPath("$.decision").isEqualTo("PURSUE");
		assertThat(response).bodyJson()
			.extractingPath("$.signals[0].reason")
			.isEqualTo("fixed $4,000 is above the $500 floor");
		assertThat(response).bodyJson().extractingPath("$.matches").asArray().isEmpty();
		assertThat(response).bodyJson().extractingPath("$.scoredAt").isEqualTo("2026-11-22T09:15:00.120Z");
	}

	@Test
	void anotherAgencysOrAnUnscoredListingIsNotFoundAsProblemJson() {
		given(this.scores.find(eq("acme"), any())).willReturn(Optional.empty());

		var response = this.mvc.get().uri("/api/v1/scores/upwork:~0212").header("X-Api-Key", "dev-acme-key").exchange();

		assertThat(response).hasStatus(404);
		assertThat(response.getResponse().getContentType()).startsWith("application/problem+json");
		verify(this.scores).find("acme", "upwork:~0212");
	}

	@Test
	void anOperatorMustNameTheAgencyOfAScore() {
		var response = this.mvc.get()
			.uri("/api/v1/scores/upwork:~0212")
			.header("X-Api-Key", "dev-operator-key")
			.exchange();

		assertThat(response).hasStatus(400);
		verifyNoInteractions(this.scores);
	}

	@Test
	void badRankingParametersAreRejectedNamingTheParameter() {
		var limit = this.mvc.get().uri("/api/v1/scores?limit=501").header("X-Api-Key", "dev-demo-key").exchange();
		var decision = this.mvc.get()
			.uri("/api/v1/scores?decision=MAYBE")
			.header("X-Api-Key", "dev-demo-key")
			.exchange();
		var minScore = this.mvc.get().uri("/api/v1/scores?minScore=abc").header("X-Api-Key", "dev-demo-key").exchange();
		var offset = this.mvc.get().uri("/api/v1/scores?offset=-1").header("X-Api-Key", "dev-demo-key").exchange();
		var farOffset = this.mvc.get()
			.uri("/api/v1/scores?offset=10001")
			.header("X-Api-Key", "dev-demo-key")
			.exchange();

		assertThat(limit).hasStatus(400);
		assertThat(limit).bodyJson().extractingPath("$.errors[0].field").isEqualTo("limit");
		assertThat(decision).bodyJson().extractingPath("$.errors[0].field").isEqualTo("decision");
		assertThat(minScore).bodyJson().extractingPath("$.errors[0].field").isEqualTo("minScore");
		assertThat(offset).bodyJson().extractingPath("$.errors[0].field").isEqualTo("offset");
		assertThat(farOffset).bodyJson().extractingPath("$.errors[0].field").isEqualTo("offset");
		verifyNoInteractions(this.scores);
	}

	@Test
	void theRankingIsOfTheCallersAgencyWithTheGivenFilters() {
		given(this.scores.ranked(any(), any())).willReturn(List.of(view("demo", "upwork:~1")));

		var response = this.mvc.get()
			.uri("/api/v1/scores?decision=pursue&minScore=60&limit=10&offset=20")
			.header("X-Api-Key", "dev-demo-key")
			.exchange();

		assertThat(response).hasStatusOk();
		assertThat(response).bodyJson().extractingPath("$.scores[0].jobKey").isEqualTo("upwork:~1");
		verify(this.scores).ranked(Optional.of("demo"),
				new ScoreQuery(Optional.of(Decision.PURSUE), Optional.of(60), 10, 20));
	}

	@Test
	void aCallWithoutAKeyIsUnauthorized() {
		assertThat(this.mvc.get().uri("/api/v1/scores/upwork:~0212").exchange()).hasStatus(401);
	}

}
