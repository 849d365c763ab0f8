package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.scoring.model.ScoringProfile.Floors;

/**
 * The signals about the money and the client: {@code budget}, {@code clientQuality},
 * {@code hireLikelihood}.
 */
final class DemandSignals {

	private DemandSignals() {
	}

	/**
	 * Against the profile's floor: below it up to 0.3; at it 0.4, rising to 1.0 at 20x
	 * the fixed floor or 4x the hourly floor (log scale).
	 */
	static Reading budget(Listing listing, Floors floors, Optional<BigDecimal> estimate) {
		Budget budget = listing.budget();
		if (budget == null) {
			return new Reading(0.3, "no budget given");
		}
		if (estimate.isEmpty()) {
			return new Reading(0.3, ContractValue.isHourly(budget) || budget.type() == Listing.BudgetType.HOURLY
					? "hourly, no rate given" : "no budget amount given");
		}
		String currency = otherCurrency(budget);
		if (ContractValue.isHourly(budget)) {
			BigDecimal rate = ContractValue.hourlyRate(budget).orElseThrow();
			String text = "hourly " + hourlyRange(budget, currency) + " (about " + money(estimate.get(), currency)
					+ " in all)";
			return new Reading(againstFloor(rate, floors.hourlyRate(), 4),
					text + " is " + relation(rate, floors.hourlyRate()) + " the " + Text.dollars(floors.hourlyRate())
							+ "/h floor" + asDollars(currency));
		}
		BigDecimal amount = estimate.get();
		return new Reading(againstFloor(amount, floors.fixedBudget(), 20),
				"fixed " + money(amount, currency) + " is " + relation(amount, floors.fixedBudget()) + " the "
						+ Text.dollars(floors.fixedBudget()) + " floor" + asDollars(currency));
	}

	/**
	 * A budget's currency when it names one other than US dollars, else null. No exchange
	 * rate is kept here, so its amounts are held against the floors (and banded) as they
	 * are, and the reason says so: "fixed $400" of a EUR budget misread the listing.
	 */
	private static String otherCurrency(Budget budget) {
		String currency = budget.currency();
		return (currency == null || currency.isBlank() || "USD".equalsIgnoreCase(currency.strip())) ? null
				: currency.strip().toUpperCase(Locale.ROOT);
	}

	private static String money(BigDecimal amount, String currency) {
		return (currency == null) ? Text.dollars(amount) : Text.dollars(amount).replace("$", currency + " ");
	}

	private static String asDollars(String currency) {
		return (currency == null) ? ""
				: " (" + currency + " amounts are compared as dollars: no exchange rate is kept)";
	}

	/**
	 * Payment verified 0.4, rating up to 0.3 (0.1 without one), spend up to 0.3 (full at
	 * $100,000, log scale).
	 */
	static Reading clientQuality(Client client) {
		if (client == null) {
			return new Reading(0.2, "no client details");
		}
		boolean verified = Boolean.TRUE.equals(client.paymentVerified());
		boolean rated = client.rating() != null && (client.reviews() == null || client.reviews() > 0);
		double spent = (client.totalSpent() != null) ? Math.max(0, client.totalSpent().doubleValue()) : 0;
		double value = (verified ? 0.4 : 0) + (rated ? 0.3 * client.rating().doubleValue() / 5 : 0.1)
				+ 0.3 * Math.min(1, Math.log10(1 + spent) / 5);
		String reason = (verified ? "payment verified" : "payment not verified") + ", "
				+ (rated ? "rating " + client.rating().stripTrailingZeros().toPlainString() : "no rating yet") + ", "
				+ ((spent > 0) ? Text.dollars(client.totalSpent()) + " spent" : "nothing spent yet");
		return new Reading(value, reason);
	}

	/**
	 * The client's hires per job posted, pulled towards 1/3 while it has posted little:
	 * (hires + 1) / (posts + 3).
	 */
	static Reading hireLikelihood(Client client) {
		if (client == null || client.totalPostedJobs() == null) {
			return new Reading(0.35, "no hiring history");
		}
		int posts = Math.max(0, client.totalPostedJobs());
		int hires = (client.totalHires() != null) ? Math.max(0, client.totalHires()) : 0;
		if (posts == 0) {
			return new Reading(1.0 / 3, "first job post: no hiring history yet");
		}
		return new Reading((hires + 1.0) / (posts + 3.0),
				Text.count(hires, "hire", "hires") + " from " + Text.count(posts, "post", "posts"));
	}

	private static double againstFloor(BigDecimal amount, BigDecimal floor, double fullAt) {
		double ratio = amount.doubleValue() / Math.max(1, floor.doubleValue());
		if (ratio < 1) {
			return 0.3 * ratio;
		}
		return 0.4 + 0.6 * Math.log(ratio) / Math.log(fullAt);
	}

	private static String relation(BigDecimal amount, BigDecimal floor) {
		int comparison = amount.compareTo(floor);
		return (comparison > 0) ? "above" : ((comparison == 0) ? "at" : "below");
	}

	private static String hourlyRange(Budget budget, String currency) {
		if (budget.min() != null && budget.max() != null) {
			return String.format(Locale.ROOT, "%s-%s", money(budget.min(), currency), money(budget.max(), currency));
		}
		return money((budget.min() != null) ? budget.min() : budget.max(), currency);
	}

}
