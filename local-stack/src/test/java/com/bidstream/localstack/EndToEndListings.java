package com.bidstream.localstack;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.contracts.Listing.ExperienceLevel;

/**
 * Listings of the end-to-end test, one per client segment the test expects in the funnel.
 */
final class EndToEndListings {

	private EndToEndListings() {
	}

	static Listing enterprise(String externalId, String title, int budget) {
		return listing(externalId, title, List.of("Java", "Spring Boot", "Apache Kafka", "PostgreSQL"), budget,
				client(750_000, 310, "4.9", "1000+"), 4);
	}

	static Listing established(String externalId) {
		return listing(externalId, "React dashboard for a logistics team", List.of("React", "TypeScript"), 3000,
				client(42_000, 35, "4.7", "10-99"), 14);
	}

	static Listing newClient(String externalId) {
		return listing(externalId, "Copy product data into a spreadsheet", List.of("Data Entry", "Excel"), 60,
				new Client(false, "US", BigDecimal.ZERO, 0, 1, null, 0, LocalDate.now().minusDays(3), "1"), 45);
	}

	private static Client client(long spent, int hires, String rating, String size) {
		return new Client(true, "US", BigDecimal.valueOf(spent), hires, hires + 10, new BigDecimal(rating), hires / 2,
				LocalDate.of(2017, 3, 1), size);
	}

	private static Listing listing(String externalId, String title, List<String> skills, int budget, Client client,
			int proposals) {
		return new Listing("e2e", externalId, "https://example.com/jobs/" + externalId, title,
				"We need an experienced engineer for " + title.toLowerCase() + ", with clear milestones.",
				Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS),
				"Web, Mobile & Software Dev", skills,
				new Budget(BudgetType.FIXED, BigDecimal.valueOf(budget), null, null, "USD"), ExperienceLevel.EXPERT,
				"1 to 3 months", "30+ hrs/week", proposals, 16, client, null);
	}

}
