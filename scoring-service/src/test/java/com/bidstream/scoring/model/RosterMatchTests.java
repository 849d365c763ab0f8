package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.Listing;
import com.bidstream.scoring.TestListings;

import static org.assertj.core.api.Assertions.assertThat;

class RosterMatchTests {

	static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

	final Freelancer ana = freelancer("fl-ana", List.of("Java", "Spring Boot", "Kafka"),
			List.of("Kafka pipeline for a fintech", "Spring Boot services for a retailer"));

	final Freelancer bo = freelancer("fl-bo", List.of("Java", "Spring Boot", "Apache Kafka"), List.of());

	final Freelancer cy = freelancer("fl-cy", List.of("WordPress"), List.of("Shop for a bakery"));

	static Freelancer freelancer(String id, List<String> skills, List<String> proof) {
		return new Freelancer(id, id, skills, proof, BigDecimal.valueOf(70), 5, true);
	}

	Listing kafkaJob() {
		return TestListings.with(TestListings.websiteJob("~1", NOW), List.of("Java", "Spring Boot", "Apache Kafka"));
	}

	@Test
	void proofCountsAboveListedSkillsAndNamesWhatItProves() {
		List<Match> matches = RosterMatch.matches(kafkaJob(), List.of(this.cy, this.bo, this.ana));

		assertThat(matches).extracting(Match::freelancerId).containsExactly("fl-ana", "fl-bo");
		assertThat(matches.get(0).fit()).as("two proven of three, one listed: (2x2 + 1) / 6").isEqualTo(0.83);
		assertThat(matches.get(0).reasons()).containsExactly("proven: Spring Boot, Apache Kafka", "lists: Java");
		assertThat(matches.get(1).fit()).as("three listed of three: 3 / 6").isEqualTo(0.5);
		assertThat(matches.get(1).reasons()).containsExactly("lists: Java, Spring Boot, Apache Kafka");
	}

	@Test
	void proofMatchIsTheBestFitNeutralWithoutARosterAndZeroWhenNobodyFits() {
		List<Freelancer> roster = List.of(this.ana, this.cy);

		Reading best = RosterMatch.proofMatch(RosterMatch.matches(kafkaJob(), roster), roster);
		Reading nobody = RosterMatch.proofMatch(List.of(), List.of(this.cy));
		Reading noRoster = RosterMatch.proofMatch(List.of(), List.of());

		assertThat(best.value()).isEqualTo(0.83);
		assertThat(best.reason()).isEqualTo("fl-ana: proven: Spring Boot, Apache Kafka; lists: Java");
		assertThat(nobody.value()).isZero();
		assertThat(nobody.reason()).isEqualTo("nobody on the roster has these skills");
		assertThat(noRoster.value()).isEqualTo(0.5);
		assertThat(noRoster.reason()).isEqualTo("no freelancer roster yet");
	}

	@Test
	void anInactiveFreelancerIsNeverMatchedAndAnInactiveRosterIsNoRoster() {
		Freelancer away = new Freelancer("fl-ana", "Ana", this.ana.skills(), this.ana.proof(), null, 5, false);

		assertThat(RosterMatch.matches(kafkaJob(), List.of(away))).isEmpty();
		assertThat(RosterMatch.proofMatch(List.of(), List.of(away)).value()).isEqualTo(0.5);
		assertThat(RosterMatch.proofMatch(List.of(), List.of(away)).reason())
			.isEqualTo("no active freelancer on the roster");
	}

	@Test
	void aListingWithoutSkillsIsMatchedByWhatItsTextNamesAWeakerReading() {
		Listing noSkills = TestListings.with(TestListings.websiteJob("~2", NOW), List.of());
		Listing kafka = new Listing(noSkills.source(), noSkills.externalId(), noSkills.url(),
				"Kafka and Spring Boot engineer", "Java 17, Kafka Streams", noSkills.postedAt(), null, List.of(), null,
				null, null, null, null, null, null, null);

		List<Match> matches = RosterMatch.matches(kafka, List.of(this.ana, this.cy));

		assertThat(matches).singleElement().satisfies((match) -> {
			assertThat(match.freelancerId()).isEqualTo("fl-ana");
			assertThat(match.fit()).as("0.25 for one, 0.15 for each other").isEqualTo(0.55);
			assertThat(match.reasons()).containsExactly("the job names: Java, Spring Boot, Kafka");
		});
	}

	@Test
	void atMostThreeMatchesAreKeptBestFirstAndNoSkillIsMatchedInsideAnotherWord() {
		List<Freelancer> many = List.of(freelancer("a", List.of("Java"), List.of()),
				freelancer("b", List.of("Java"), List.of()), freelancer("c", List.of("Java"), List.of()),
				freelancer("d", List.of("Java"), List.of()), freelancer("js", List.of("JavaScript"), List.of()));
		Listing java = TestListings.with(TestListings.websiteJob("~3", NOW), List.of("Java"));

		assertThat(RosterMatch.matches(java, many)).extracting(Match::freelancerId).containsExactly("a", "b", "c");
		assertThat(RosterMatch.names("javascript developer", "java")).isFalse();
		assertThat(RosterMatch.names("senior java, spring", "java")).isTrue();
		assertThat(RosterMatch.names("c# and r work", "c")).as("C is not named in C#").isFalse();
		assertThat(RosterMatch.names("c++ and r work", "c")).isFalse();
		assertThat(RosterMatch.names("c# and r work", "c#")).isTrue();
	}

	@Test
	void theAssessmentCarriesTheMatchesAndProofMatchFromTheRoster() {
		Assessment assessment = ScoringModel.assess(kafkaJob(), ScoringProfile.defaults(), List.of(this.ana), NOW);

		assertThat(assessment.matches()).extracting(Match::freelancerId).containsExactly("fl-ana");
		assertThat(assessment.signals()).filteredOn((signal) -> signal.name().equals("proofMatch"))
			.singleElement()
			.satisfies((signal) -> assertThat(signal.value()).isEqualTo(0.83));
	}

}
