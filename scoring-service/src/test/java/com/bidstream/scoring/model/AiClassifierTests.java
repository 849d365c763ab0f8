package com.bidstream.scoring.model;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.scoring.TestListings;

import static org.assertj.core.api.Assertions.assertThat;

class AiClassifierTests {

	final Listing base = TestListings.websiteJob("~1", Instant.parse("2026-11-22T12:00:00Z"));

	@Test
	void aJobAboutLlmsAndRagIsAiWork() {
		Listing listing = TestListings.describedAs(this.base, "Build a RAG chatbot",
				"We want an LLM assistant over our docs using embeddings.");

		AiClassifier.Classification ai = AiClassifier.classify(listing, BudgetBand.MEDIUM);

		assertThat(ai.aiWork()).isTrue();
		assertThat(ai.aiTerms()).contains("llm", "rag", "embeddings");
	}

	@Test
	void wordsThatMerelyContainAiAreNotAiWork() {
		Listing listing = TestListings.describedAs(this.base, "Maintain our HTML email templates",
				"Fix the detail pages and the mail footer.");

		assertThat(AiClassifier.classify(listing, BudgetBand.SMALL).aiWork()).isFalse();
	}

	@Test
	void smallRoutineWorkIsAutomatableButTheSameWorkWithALargeBudgetIsNot() {
		Listing listing = TestListings.describedAs(this.base, "Translate our product descriptions", "Short job.");

		assertThat(AiClassifier.classify(listing, BudgetBand.SMALL).exposure()).isEqualTo(AiExposure.AUTOMATABLE);
		assertThat(AiClassifier.classify(listing, BudgetBand.LARGE).exposure()).isEqualTo(AiExposure.AI_ASSISTED);
	}

	@Test
	void securityAndComplianceWorkIsHumanCritical() {
		Listing listing = TestListings.describedAs(this.base, "HIPAA compliance review of our API",
				"Security audit of a production system.");

		AiClassifier.Classification ai = AiClassifier.classify(listing, BudgetBand.MEDIUM);

		assertThat(ai.exposure()).isEqualTo(AiExposure.HUMAN_CRITICAL);
		assertThat(ai.reason()).contains("security", "compliance", "hipaa");
	}

}
