package com.bidstream.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A job listing as the public contract defines it (section 3). Optional fields are null
 * when absent; {@code skills} is never null.
 */
public record Listing(String source, String externalId, String url, String title, String description, Instant postedAt,
		String category, List<String> skills, Budget budget, ExperienceLevel experienceLevel, String duration,
		String workload, Integer proposals, Integer connectsRequired, Client client, Closed closed) {

	public Listing {
		skills = (skills != null) ? List.copyOf(skills) : List.of();
	}

	/**
	 * The listing's identity within an agency: {@code source:externalId}.
	 */
	public String jobKey() {
		return source + ":" + externalId;
	}

	public enum ExperienceLevel {

		ENTRY, INTERMEDIATE, EXPERT

	}

	public enum BudgetType {

		FIXED, HOURLY

	}

	public enum ClosedResult {

		HIRED, NO_HIRE, CANCELLED, EXPIRED

	}

	/**
	 * A fixed budget has {@code amount}; an hourly one {@code min} and {@code max}.
	 */
	public record Budget(BudgetType type, BigDecimal amount, BigDecimal min, BigDecimal max, String currency) {

	}

	public record Client(Boolean paymentVerified, String country, BigDecimal totalSpent, Integer totalHires,
			Integer totalPostedJobs, BigDecimal rating, Integer reviews, LocalDate memberSince, String companySize) {

	}

	public record Closed(ClosedResult result, Instant at) {

	}

}
