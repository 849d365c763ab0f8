package com.bidstream.localstack.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticListingsTests {

	private final List<Listing> listings = generate(2000);

	@Test
	void everyListingMeetsTheContractsRules() {
		assertThat(this.listings).allSatisfy((listing) -> {
			assertThat(listing.source()).matches("[a-z0-9][a-z0-9-]{0,31}");
			assertThat(listing.externalId()).matches("[A-Za-z0-9._~:-]{1,128}");
			assertThat(listing.title()).hasSizeBetween(1, 300);
			assertThat(listing.postedAt()).isBefore(Instant.now().plusSeconds(1));
			assertThat(listing.proposals()).isBetween(0, 80);
			assertThat(listing.client().rating()).satisfiesAnyOf((rating) -> assertThat(rating).isNull(),
					(rating) -> assertThat(rating).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(5)));
		});
	}

	@Test
	void budgetsRangeFromThirtyToFortyThousandDollarsFixedAndHourly() {
		List<BigDecimal> fixed = this.listings.stream()
			.filter((listing) -> listing.budget().type() == Listing.BudgetType.FIXED)
			.map((listing) -> listing.budget().amount())
			.toList();

		assertThat(fixed)
			.allSatisfy((amount) -> assertThat(amount).isBetween(BigDecimal.valueOf(30), BigDecimal.valueOf(40_000)));
		assertThat(fixed).anySatisfy((amount) -> assertThat(amount).isLessThan(BigDecimal.valueOf(100)))
			.anySatisfy((amount) -> assertThat(amount).isGreaterThan(BigDecimal.valueOf(20_000)));
		assertThat(this.listings).anySatisfy((listing) -> {
			assertThat(listing.budget().type()).isEqualTo(Listing.BudgetType.HOURLY);
			assertThat(listing.budget().min()).isLessThanOrEqualTo(listing.budget().max());
		});
	}

	@Test
	void clientsSpanEverySegmentAndSomeListingsAreRedFlaggedOrUpdated() {
		Set<String> spent = this.listings.stream()
			.map((listing) -> segment(listing.client().totalSpent().longValue()))
			.collect(Collectors.toSet());

		assertThat(spent).containsExactlyInAnyOrder("new", "emerging", "established", "enterprise");
		assertThat(this.listings).anyMatch(SyntheticListings::isRedFlagged);
		assertThat(this.listings.stream().map(Listing::externalId).distinct().count()).isLessThan(this.listings.size());
	}

	@Test
	void writesTheContractsJsonFieldNames() {
		String json = EventCodec.toJson(this.listings.get(0));

		assertThat(json).contains("\"externalId\"", "\"postedAt\"", "\"budget\"", "\"client\"", "\"totalSpent\"");
	}

	private static String segment(long spent) {
		return (spent >= 100_000) ? "enterprise" : (spent >= 10_000) ? "established" : (spent > 0) ? "emerging" : "new";
	}

	@Test
	void aListingTheAgencyWasHiredOnClosesAsHiredNeverWithoutAHire() {
		DemoOutcomes outcomes = new DemoOutcomes();
		SyntheticListings source = new SyntheticListings(new Random(7), new DemoStats(), outcomes);
		// the agency is hired on every listing as soon as it is posted
		List<Listing> listings = IntStream.range(0, 5_000).mapToObj((i) -> {
			Listing listing = source.next();
			outcomes.hired(listing.externalId());
			return listing;
		}).toList();

		assertThat(listings).filteredOn((listing) -> listing.closed() != null)
			.isNotEmpty()
			.allSatisfy((listing) -> assertThat(listing.closed().result()).isEqualTo(ClosedResult.HIRED));
		assertThat(generate(5_000)).as("other listings close every way")
			.filteredOn((listing) -> listing.closed() != null)
			.extracting((listing) -> listing.closed().result())
			.contains(ClosedResult.HIRED, ClosedResult.NO_HIRE, ClosedResult.EXPIRED);
	}

	@Test
	void aListingClosedWithoutAHireIsToldToThePursuits() {
		DemoOutcomes outcomes = new DemoOutcomes();
		SyntheticListings source = new SyntheticListings(new Random(7), new DemoStats(), outcomes);
		List<Listing> listings = IntStream.range(0, 5_000).mapToObj((i) -> source.next()).toList();

		assertThat(listings).filteredOn((listing) -> listing.closed() != null)
			.isNotEmpty()
			.allSatisfy((listing) -> assertThat(outcomes.isClosedWithoutAHire(listing.externalId()))
				.isEqualTo(listing.closed().result() != ClosedResult.HIRED));
	}

	private static List<Listing> generate(int count) {
		SyntheticListings source = new SyntheticListings(new Random(7), new DemoStats(), new DemoOutcomes());
		return IntStream.range(0, count).mapToObj((i) -> source.next()).toList();
	}

}
