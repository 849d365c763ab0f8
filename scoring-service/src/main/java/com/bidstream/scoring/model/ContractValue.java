package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.ListingScored.BudgetBand;

/**
 * What a listing's contract is worth, and its budget band.
 * <p>
 * A fixed budget is worth its amount. An hourly budget is worth an ESTIMATE: midpoint
 * rate x weekly hours x weeks, in whole dollars. The rate is the midpoint of {@code min}
 * and {@code max}, or whichever of the two is given. Weekly hours come from
 * {@code workload}: "30+ hrs/week" 30, "Less than 30 hrs/week" 15, anything else 20.
 * Weeks come from {@code duration}: "Less than 1 month" 3, "1 to 3 months" 8, "3 to 6
 * months" 18, "More than 6 months" 26, anything else 4. For example $40-$80/h, "30+
 * hrs/week", "1 to 3 months" is 60 x 30 x 8 = $14,400.
 * <p>
 * Bands (fixed by the contract): MICRO under 500, SMALL under 2,500, MEDIUM under 10,000,
 * LARGE otherwise; no usable budget is UNKNOWN.
 */
public final class ContractValue {

	private ContractValue() {
	}

	/**
	 * The fixed amount or the hourly estimate; empty without a usable budget.
	 */
	public static Optional<BigDecimal> estimate(Listing listing) {
		Budget budget = listing.budget();
		if (budget == null) {
			return Optional.empty();
		}
		if (isHourly(budget)) {
			return hourlyRate(budget).map((rate) -> rate.multiply(BigDecimal.valueOf(weeklyHours(listing.workload())))
				.multiply(BigDecimal.valueOf(weeks(listing.duration())))
				.setScale(0, RoundingMode.HALF_UP));
		}
		return Optional.ofNullable(budget.amount());
	}

	public static BudgetBand band(Optional<BigDecimal> value) {
		if (value.isEmpty()) {
			return BudgetBand.UNKNOWN;
		}
		double amount = value.get().doubleValue();
		if (amount < 500) {
			return BudgetBand.MICRO;
		}
		if (amount < 2_500) {
			return BudgetBand.SMALL;
		}
		return (amount < 10_000) ? BudgetBand.MEDIUM : BudgetBand.LARGE;
	}

	/**
	 * An hourly budget: type HOURLY, or no type but a min or max and no amount.
	 */
	static boolean isHourly(Budget budget) {
		if (budget.type() != null) {
			return budget.type() == BudgetType.HOURLY;
		}
		return budget.amount() == null && (budget.min() != null || budget.max() != null);
	}

	/**
	 * The midpoint of min and max, or whichever one is given.
	 */
	static Optional<BigDecimal> hourlyRate(Budget budget) {
		if (budget.min() != null && budget.max() != null) {
			return Optional.of(budget.min().add(budget.max()).divide(BigDecimal.valueOf(2)));
		}
		return Optional.ofNullable((budget.min() != null) ? budget.min() : budget.max());
	}

	static int weeklyHours(String workload) {
		String text = normalized(workload);
		if (text.startsWith("less than 30")) {
			return 15;
		}
		if (text.startsWith("30+") || text.startsWith("more than 30")) {
			return 30;
		}
		return 20;
	}

	static int weeks(String duration) {
		return switch (normalized(duration)) {
			case "less than 1 month" -> 3;
			case "1 to 3 months" -> 8;
			case "3 to 6 months" -> 18;
			case "more than 6 months" -> 26;
			default -> 4;
		};
	}

	private static String normalized(String text) {
		return (text != null) ? text.trim().toLowerCase(Locale.ROOT) : "";
	}

}
