package com.bidstream.scoring.model;

import java.math.BigDecimal;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;
import com.bidstream.scoring.TestListings;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringModelTests {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	final ScoringProfile profile = ScoringProfile.defaults();

	@Test
	void aRichWellPayingExpertJobFromAVerifiedClientWithFewProposalsIsPursued() {
		Assessment assessment = ScoringModel.assess(TestListings.expertKafkaJob("~01", NOW), this.profile, NOW);

		assertThat(assessment.decision()).isEqualTo(Decision.PURSUE);
		assertThat(assessment.score()).isBetween(70, 100);
		assertThat(assessment.segment()).isEqualTo("enterprise");
		assertThat(assessment.budgetBand()).isEqualTo(BudgetBand.MEDIUM);
		assertThat(assessment.aiExposure()).isEqualTo(AiExposure.HUMAN_CRITICAL);
		assertThat(assessment.aiWork()).isFalse();
		assertThat(assessment.redFlags()).isEmpty();
		assertThat(signal(assessment, "budget").reason()).isEqualTo("fixed $4,000 is above the $500 floor");
		assertThat(signal(assessment, "clientQuality").reason())
			.isEqualTo("payment verified, rating 4.9, $250,000 spent");
		assertThat(signal(assessment, "hireLikelihood").reason()).isEqualTo("48 hires from 60 posts");
		assertThat(signal(assessment, "competition").reason()).isEqualTo("3 proposals so far");
		assertThat(signal(assessment, "freshness").reason()).isEqualTo("posted 3 hours ago");
	}

	@Test
	void aFiftyDollarDataEntryJobFromANewUnverifiedClientIsSkipped() {
		Assessment assessment = ScoringModel.assess(TestListings.dataEntryJob("~02", NOW), this.profile, NOW);

		assertThat(assessment.decision()).isEqualTo(Decision.SKIP);
		assertThat(assessment.score()).isLessThan(50);
		assertThat(assessment.segment()).isEqualTo("new");
		assertThat(assessment.budgetBand()).isEqualTo(BudgetBand.MICRO);
		assertThat(assessment.aiExposure()).isEqualTo(AiExposure.AUTOMATABLE);
		assertThat(signal(assessment, "budget").reason()).isEqualTo("fixed $50 is below the $500 floor");
		assertThat(signal(assessment, "clientQuality").reason())
			.isEqualTo("payment not verified, no rating yet, nothing spent yet");
	}

	@Test
	void aBudgetInAnotherCurrencyIsShownInItAndSaysItIsComparedAsDollars() {
		// a walkthrough's EUR 400 read "fixed $400 is below the $500 floor"
		Listing euros = withBudget(TestListings.dataEntryJob("~02e", NOW),
				new Listing.Budget(Listing.BudgetType.FIXED, new BigDecimal("400"), null, null, "EUR"));
		Listing hourly = withBudget(TestListings.dataEntryJob("~02h", NOW),
				new Listing.Budget(Listing.BudgetType.HOURLY, null, new BigDecimal("30"), new BigDecimal("40"), "gbp"));

		assertThat(signal(ScoringModel.assess(euros, this.profile, NOW), "budget").reason())
			.isEqualTo("fixed EUR 400 is below the $500 floor (EUR amounts are compared as dollars: no exchange rate "
					+ "is kept)");
		assertThat(signal(ScoringModel.assess(hourly, this.profile, NOW), "budget").reason())
			.startsWith("hourly GBP 30-GBP 40 (about GBP ")
			.endsWith("(GBP amounts are compared as dollars: no exchange rate is kept)");
	}

	private static Listing withBudget(Listing listing, Listing.Budget budget) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), listing.title(),
				listing.description(), listing.postedAt(), listing.category(), listing.skills(), budget,
				listing.experienceLevel(), listing.duration(), listing.workload(), listing.proposals(),
				listing.connectsRequired(), listing.client(), listing.closed());
	}

	@Test
	void aModestWebsiteJobFromAnEmergingClientIsReviewed() {
		Assessment assessment = ScoringModel.assess(TestListings.websiteJob("~03", NOW), this.profile, NOW);

		assertThat(assessment.decision()).isEqualTo(Decision.REVIEW);
		assertThat(assessment.score()).isBetween(50, 69);
		assertThat(assessment.segment()).isEqualTo("emerging");
		assertThat(assessment.budgetBand()).isEqualTo(BudgetBand.SMALL);
		assertThat(assessment.aiExposure()).isEqualTo(AiExposure.AI_ASSISTED);
	}

	@Test
	void everyAssessmentHasTheEightSignalsInOrderWithValuesInZeroToOneAndAReason() {
		List<Listing> listings = List.of(TestListings.expertKafkaJob("~1", NOW), TestListings.dataEntryJob("~2", NOW),
				TestListings.websiteJob("~3", NOW), new Listing("rss", "x", null, "Untitled", null, null, null, null,
						null, null, null, null, null, null, null, null));

		for (Listing listing : listings) {
			Assessment assessment = ScoringModel.assess(listing, this.profile, NOW);

			assertThat(assessment.signals()).extracting(Signal::name).containsExactlyElementsOf(ScoringProfile.SIGNALS);
			assertThat(assessment.signals()).allSatisfy((signal) -> {
				assertThat(signal.value()).isBetween(0.0, 1.0);
				assertThat(signal.weight()).isEqualTo(this.profile.weight(signal.name()));
				assertThat(signal.reason()).isNotBlank();
			});
			assertThat(assessment.score()).isBetween(0, 100);
		}
	}

	@Test
	void aListingWithNothingButATitleIsUnknownNewAndScoredWithoutFailing() {
		Listing bare = new Listing("rss", "x", null, "Untitled", null, null, null, null, null, null, null, null, null,
				null, null, null);

		Assessment assessment = ScoringModel.assess(bare, this.profile, NOW);

		assertThat(assessment.budgetBand()).isEqualTo(BudgetBand.UNKNOWN);
		assertThat(assessment.estimatedValue()).isNull();
		assertThat(assessment.segment()).isEqualTo("new");
		assertThat(signal(assessment, "proofMatch").value()).isEqualTo(0.5);
		assertThat(signal(assessment, "proofMatch").reason()).isEqualTo("no freelancer roster yet");
	}

	@Test
	void aRedFlagForcesSkipWhateverTheScore() {
		Listing listing = TestListings.describedAs(TestListings.expertKafkaJob("~04", NOW),
				"Spring Boot engineer for a Kafka pipeline",
				"Great production project. Contact me on WhatsApp and we pay outside the platform.");

		Assessment assessment = ScoringModel.assess(listing, this.profile, NOW);

		assertThat(assessment.score()).isGreaterThanOrEqualTo(70);
		assertThat(assessment.decision()).isEqualTo(Decision.SKIP);
		assertThat(assessment.redFlags()).containsExactly("description mentions \"whatsapp\"",
				"description mentions \"pay outside\"");
	}

	@Test
	void theScoreIsTheWeightedMeanOfTheSignalsOnAHundredPointScale() {
		List<Signal> signals = List.of(new Signal("budget", 1.0, 3, "a"), new Signal("freshness", 0.0, 1, "b"));

		assertThat(ScoringModel.score(signals)).isEqualTo(75);
	}

	@Test
	void theDecisionFollowsTheProfileThresholdsInclusively() {
		assertThat(ScoringModel.decide(70, List.of(), this.profile)).isEqualTo(Decision.PURSUE);
		assertThat(ScoringModel.decide(69, List.of(), this.profile)).isEqualTo(Decision.REVIEW);
		assertThat(ScoringModel.decide(50, List.of(), this.profile)).isEqualTo(Decision.REVIEW);
		assertThat(ScoringModel.decide(49, List.of(), this.profile)).isEqualTo(Decision.SKIP);
		assertThat(ScoringModel.decide(100, List.of("title mentions \"telegram\""), this.profile))
			.isEqualTo(Decision.SKIP);
	}

	@Test
	void aProfileWithOtherWeightsAndThresholdsChangesScoreAndDecision() {
		ScoringProfile strict = ProfileEdit.apply(this.profile, new ProfileChange(null,
				java.math.BigDecimal.valueOf(95), java.math.BigDecimal.valueOf(90), null, null, null, null, null));

		Assessment assessment = ScoringModel.assess(TestListings.expertKafkaJob("~05", NOW), strict, NOW);

		assertThat(assessment.decision()).isEqualTo(Decision.SKIP);
	}

	static Signal signal(Assessment assessment, String name) {
		return assessment.signals().stream().filter((signal) -> signal.name().equals(name)).findFirst().orElseThrow();
	}

}
