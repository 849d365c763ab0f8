package com.bidstream.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.contracts.Listing.Closed;
import com.bidstream.contracts.Listing.ExperienceLevel;

/**
 * Listings the tests score: a rich expert job, a cheap routine one, one in between.
 */
public final class TestListings {

	private TestListings() {
	}

	/**
	 * A $4,000 expert Kafka job from a verified enterprise client, 3 proposals, 3 hours
	 * old.
	 */
	public static Listing expertKafkaJob(String externalId, Instant now) {
		return new Listing("upwork", externalId, "https://www.upwork.com/jobs/" + externalId,
				"Spring Boot engineer for a Kafka pipeline",
				"We run a production event pipeline on Apache Kafka and Spring Boot. ".repeat(10)
						+ "You will design the architecture of the new ingestion path and own it end to end.",
				now.minus(Duration.ofHours(3)), "Web, Mobile & Software Dev",
				List.of("Java", "Spring Boot", "Apache Kafka"), fixed(4000), ExperienceLevel.EXPERT, "1 to 3 months",
				"30+ hrs/week", 3, 16, new Client(true, "US", BigDecimal.valueOf(250_000), 48, 60,
						new BigDecimal("4.9"), 41, LocalDate.of(2018, 5, 1), "10-99"),
				null);
	}

	/**
	 * A $50 data-entry job from a new, unverified client, 20 proposals.
	 */
	public static Listing dataEntryJob(String externalId, Instant now) {
		return new Listing("upwork", externalId, null, "Data entry from PDFs into Excel", "Copy 200 rows into a sheet.",
				now.minus(Duration.ofMinutes(30)), "Admin Support", List.of("Data Entry", "Microsoft Excel"), fixed(50),
				ExperienceLevel.ENTRY, "Less than 1 month", "Less than 30 hrs/week", 20, 4,
				new Client(false, "US", BigDecimal.ZERO, 0, 0, null, 0, null, null), null);
	}

	/**
	 * A $1,500 intermediate website job from a modest client, 15 proposals, a day old.
	 */
	public static Listing websiteJob(String externalId, Instant now) {
		return new Listing("upwork", externalId, null, "React landing page for a bakery",
				"We need a responsive landing page with a contact form and a menu, built in React. ".repeat(3),
				now.minus(Duration.ofHours(24)), "Web, Mobile & Software Dev", List.of("React", "CSS"), fixed(1500),
				ExperienceLevel.INTERMEDIATE, "1 to 3 months", null, 15, 8,
				new Client(true, "GB", BigDecimal.valueOf(5_000), 5, 10, new BigDecimal("4.5"), 6, null, null), null);
	}

	public static Budget fixed(long amount) {
		return new Budget(BudgetType.FIXED, BigDecimal.valueOf(amount), null, null, "USD");
	}

	public static Budget hourly(Long min, Long max) {
		return new Budget(BudgetType.HOURLY, null, (min != null) ? BigDecimal.valueOf(min) : null,
				(max != null) ? BigDecimal.valueOf(max) : null, "USD");
	}

	public static Listing with(Listing listing, List<String> skills) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), listing.title(),
				listing.description(), listing.postedAt(), listing.category(), skills, listing.budget(),
				listing.experienceLevel(), listing.duration(), listing.workload(), listing.proposals(),
				listing.connectsRequired(), listing.client(), listing.closed());
	}

	public static Listing with(Listing listing, Budget budget, String duration, String workload) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), listing.title(),
				listing.description(), listing.postedAt(), listing.category(), listing.skills(), budget,
				listing.experienceLevel(), duration, workload, listing.proposals(), listing.connectsRequired(),
				listing.client(), listing.closed());
	}

	public static Listing describedAs(Listing listing, String title, String description) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), title, description,
				listing.postedAt(), listing.category(), listing.skills(), listing.budget(), listing.experienceLevel(),
				listing.duration(), listing.workload(), listing.proposals(), listing.connectsRequired(),
				listing.client(), listing.closed());
	}

	public static Listing postedAt(Listing listing, Instant postedAt) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), listing.title(),
				listing.description(), postedAt, listing.category(), listing.skills(), listing.budget(),
				listing.experienceLevel(), listing.duration(), listing.workload(), listing.proposals(),
				listing.connectsRequired(), listing.client(), listing.closed());
	}

	public static Listing closed(Listing listing, Closed closed) {
		return new Listing(listing.source(), listing.externalId(), listing.url(), listing.title(),
				listing.description(), listing.postedAt(), listing.category(), listing.skills(), listing.budget(),
				listing.experienceLevel(), listing.duration(), listing.workload(), listing.proposals(),
				listing.connectsRequired(), listing.client(), closed);
	}

}
