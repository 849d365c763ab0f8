package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.scoring.TestListings;

import static org.assertj.core.api.Assertions.assertThat;

class ContractValueTests {

	final Listing base = TestListings.websiteJob("~1", Instant.parse("2026-11-22T12:00:00Z"));

	@ParameterizedTest
	@CsvSource({ "0, MICRO", "499, MICRO", "500, SMALL", "2499, SMALL", "2500, MEDIUM", "9999, MEDIUM", "10000, LARGE",
			"5000000, LARGE" })
	void fixedBudgetsAreBandedByAmount(long amount, BudgetBand band) {
		Listing listing = TestListings.with(this.base, TestListings.fixed(amount), null, null);

		assertThat(ContractValue.band(ContractValue.estimate(listing))).isEqualTo(band);
	}

	@Test
	void anHourlyJobWithoutARateIsUnknownAndItsBudgetSignalSaysSo() {
		Listing listing = TestListings.with(this.base,
				new Listing.Budget(Listing.BudgetType.HOURLY, null, null, null, "USD"), "1 to 3 months", null);

		Optional<BigDecimal> estimate = ContractValue.estimate(listing);
		Assessment assessment = ScoringModel.assess(listing, ScoringProfile.defaults(),
				Instant.parse("2026-11-22T12:00:00Z"));

		assertThat(estimate).isEmpty();
		assertThat(ContractValue.band(estimate)).isEqualTo(BudgetBand.UNKNOWN);
		assertThat(assessment.signals()).filteredOn((signal) -> signal.name().equals("budget"))
			.singleElement()
			.satisfies((signal) -> assertThat(signal.reason()).isEqualTo("hourly, no rate given"));
	}

	@Test
	void anHourlyBudgetIsWorthMidpointRateTimesWeeklyHoursTimesWeeks() {
		Listing listing = TestListings.with(this.base, TestListings.hourly(40L, 80L), "1 to 3 months", "30+ hrs/week");

		Optional<BigDecimal> estimate = ContractValue.estimate(listing);

		assertThat(estimate).contains(BigDecimal.valueOf(60 * 30 * 8));
		assertThat(ContractValue.band(estimate)).isEqualTo(BudgetBand.LARGE);
	}

	@Test
	void anHourlyBudgetWithOnlyAMinimumOrAMaximumUsesIt() {
		Listing minOnly = TestListings.with(this.base, TestListings.hourly(10L, null), "Less than 1 month",
				"Less than 30 hrs/week");
		Listing maxOnly = TestListings.with(this.base, TestListings.hourly(null, 30L), null, null);

		assertThat(ContractValue.estimate(minOnly)).contains(BigDecimal.valueOf(10 * 15 * 3));
		assertThat(ContractValue.band(ContractValue.estimate(minOnly))).isEqualTo(BudgetBand.MICRO);
		assertThat(ContractValue.estimate(maxOnly)).contains(BigDecimal.valueOf(30 * 20 * 4));
		assertThat(ContractValue.band(ContractValue.estimate(maxOnly))).isEqualTo(BudgetBand.SMALL);
	}

	@ParameterizedTest
	@CsvSource({ "Less than 1 month, 3", "1 to 3 months, 8", "3 to 6 months, 18", "More than 6 months, 26",
			"someday, 4" })
	void weeksComeFromTheDuration(String duration, int weeks) {
		assertThat(ContractValue.weeks(duration)).isEqualTo(weeks);
	}

	@Test
	void weeklyHoursComeFromTheWorkload() {
		assertThat(ContractValue.weeklyHours("30+ hrs/week")).isEqualTo(30);
		assertThat(ContractValue.weeklyHours("Less than 30 hrs/week")).isEqualTo(15);
		assertThat(ContractValue.weeklyHours(null)).isEqualTo(20);
	}

	@Test
	void noBudgetOrAnHourlyBudgetWithoutRatesIsUnknown() {
		assertThat(ContractValue.band(ContractValue.estimate(TestListings.with(this.base, null, null, null))))
			.isEqualTo(BudgetBand.UNKNOWN);
		assertThat(ContractValue
			.band(ContractValue.estimate(TestListings.with(this.base, TestListings.hourly(null, null), null, null))))
			.isEqualTo(BudgetBand.UNKNOWN);
	}

}
