package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

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
		return new Freelancer(id, id, skills, proof, BigDecimal.valueOf(70), 5, true, Set.of());
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

		Reading best = RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), roster), roster);
		Reading nobody = RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(this.cy)), List.of(this.cy));
		Reading noRoster = RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of()), List.of());

		assertThat(best.value()).isEqualTo(0.83);
		assertThat(best.reason()).isEqualTo("fl-ana: proven: Spring Boot, Apache Kafka; lists: Java");
		assertThat(nobody.value()).isZero();
		assertThat(nobody.reason()).isEqualTo("nobody on the roster has these skills");
		assertThat(noRoster.value()).isEqualTo(0.5);
		assertThat(noRoster.reason()).isEqualTo("no freelancer roster yet");
	}

	@Test
	void anInactiveFreelancerIsNeverMatchedAndAnInactiveRosterIsNoRoster() {
		Freelancer away = new Freelancer("fl-ana", "Ana", this.ana.skills(), this.ana.proof(), null, 5, false,
				Set.of());

		assertThat(RosterMatch.matches(kafkaJob(), List.of(away))).isEmpty();
		assertThat(RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(away)), List.of(away)).value())
			.isEqualTo(0.5);
		assertThat(RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(away)), List.of(away)).reason())
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

	Freelancer ana(int capacity, String... holding) {
		return new Freelancer("fl-ana", "Ana", this.ana.skills(), this.ana.proof(), BigDecimal.valueOf(70), capacity,
				true, Set.of(holding));
	}

	@Test
	void aFullFreelancerIsNeverOfferedAndWhenOnlyFullOnesFitProofMatchIsHalfTheirsAndSaysWhy() {
		Freelancer anaFull = ana(2, "upwork:~a", "upwork:~b");

		RosterMatch.Fits onlyFull = RosterMatch.fits(kafkaJob(), List.of(anaFull, this.cy));
		RosterMatch.Fits besideOne = RosterMatch.fits(kafkaJob(), List.of(anaFull, this.bo));
		RosterMatch.Fits withRoom = RosterMatch.fits(kafkaJob(), List.of(ana(2, "upwork:~a")));
		RosterMatch.Fits ownListing = RosterMatch.fits(kafkaJob(), List.of(ana(1, kafkaJob().jobKey())));

		assertThat(onlyFull.matches()).isEmpty();
		Reading halved = RosterMatch.proofMatch(onlyFull, List.of(anaFull, this.cy));
		assertThat(halved.value()).as("half of 5/6, rounded once").isEqualTo(0.42);
		assertThat(halved.reason()).isEqualTo("fl-ana fits (proven: Spring Boot, Apache Kafka; lists: Java) but holds 2"
				+ " open pursuits of a capacity of 2");
		assertThat(besideOne.matches()).extracting(Match::freelancerId)
			.as("one with room is offered")
			.containsExactly("fl-bo");
		assertThat(RosterMatch.proofMatch(besideOne, List.of(anaFull, this.bo)).value())
			.as("Bo's 0.5 is more than half of Ana's")
			.isEqualTo(0.5);
		assertThat(withRoom.matches()).extracting(Match::freelancerId).containsExactly("fl-ana");
		assertThat(ownListing.matches()).extracting(Match::freelancerId)
			.as("her own pursuit never counts against her on its listing")
			.containsExactly("fl-ana");
		Freelancer twoThirdsFull = new Freelancer("fl-di", "Di", List.of("Java", "Spring Boot", "Kafka"),
				List.of("Kafka pipeline"), null, 1, true, Set.of("upwork:~a"));
		assertThat(RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(twoThirdsFull)), List.of(twoThirdsFull))
			.value()).as("half of 4/6 rounded once (0.33), not half of 0.67 (0.34)").isEqualTo(0.33);
		assertThat(RosterMatch
			.proofMatch(RosterMatch.fits(kafkaJob(), List.of(ana(1, "upwork:~a"))), List.of(ana(1, "upwork:~a")))
			.reason()).endsWith("holds 1 open pursuit of a capacity of 1");
	}

	@Test
	void aBusierRosterNeverRaisesProofMatchAndCapacityZeroTakesNoWork() {
		Freelancer weak = freelancer("fl-weak", List.of("Java", "Spring Boot"), List.of());
		List<Freelancer> free = List.of(this.ana, weak);
		List<Freelancer> busy = List.of(ana(1, "upwork:~a"), weak);
		Freelancer zero = ana(0);

		double whileFree = RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), free), free).value();
		double whileBusy = RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), busy), busy).value();

		assertThat(whileFree).isEqualTo(0.83);
		assertThat(whileBusy).as("half of Ana's 5/6 is more than the other's 2/6").isEqualTo(0.42);
		assertThat(RosterMatch.fits(kafkaJob(), List.of(zero, this.cy)).full()).isNull();
		assertThat(RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(zero, this.cy)), List.of(zero, this.cy))
			.value()).as("nobody who takes work fits").isZero();
		assertThat(RosterMatch.proofMatch(RosterMatch.fits(kafkaJob(), List.of(zero)), List.of(zero)).reason())
			.isEqualTo("no freelancer on the roster takes pursuits (capacity 0)");
	}

	@Test
	void onAnHourlyJobAFreelancerWhoAsksMoreThanItPaysFitsLessByTheRatio() {
		Listing job = kafkaJob();
		Listing hourly = TestListings.with(job, TestListings.hourly(25L, 35L), "1 to 3 months", null);
		Listing openTop = TestListings.with(job, TestListings.hourly(25L, null), "1 to 3 months", null);

		Match pricey = RosterMatch.matches(hourly, List.of(this.ana)).get(0);

		assertThat(pricey.fit()).as("0.83 x 35 / 70").isEqualTo(0.42);
		assertThat(pricey.reasons()).contains("asks $70/h, the job pays up to $35/h");
		assertThat(RosterMatch.matches(openTop, List.of(this.ana)).get(0).fit()).as("no top: nothing to compare")
			.isEqualTo(0.83);
		assertThat(RosterMatch.matches(job, List.of(this.ana)).get(0).fit()).as("a fixed budget").isEqualTo(0.83);
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
