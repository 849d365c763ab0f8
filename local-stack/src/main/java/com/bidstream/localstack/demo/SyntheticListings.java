package com.bidstream.localstack.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.Budget;
import com.bidstream.contracts.Listing.BudgetType;
import com.bidstream.contracts.Listing.Client;
import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.Listing.ExperienceLevel;

/**
 * Realistic listings as the contract shapes them: varied work, budgets from $30 to
 * $40,000, clients from new and unverified to enterprise, 0-80 proposals, a few red
 * flags, and sometimes a changed version of an earlier listing. Public for the benchmark,
 * which posts the same kind of listings as the demo.
 */
public final class SyntheticListings {

	private static final List<String> RED_FLAGS = List.of("Please contact me on Telegram @quickhire_now",
			"Message me on WhatsApp for details, +1 555 0100", "We pay outside Upwork to avoid the fees",
			"Add me on telegram, I will send the task there");

	private static final List<String> COUNTRIES = List.of("US", "US", "US", "GB", "DE", "CA", "AU", "NL", "IN", "AE");

	private static final int REMEMBERED = 300;

	/**
	 * How every synthetic listing's {@code externalId} starts, so the demo knows its own
	 * listings (and a person tells them apart) after any restart.
	 */
	static final String DEMO_ID_PREFIX = "~demo";

	private final Random random;

	private final List<Listing> sent = new ArrayList<>();

	private final DemoStats stats;

	private final DemoOutcomes outcomes;

	public SyntheticListings(Random random) {
		this(random, new DemoStats(), new DemoOutcomes());
	}

	/**
	 * A listing the demo's agency was hired on ({@code outcomes}) closes as hired, never
	 * without a hire; one closed without a hire is told to {@code outcomes}.
	 */
	SyntheticListings(Random random, DemoStats stats, DemoOutcomes outcomes) {
		this.random = random;
		this.stats = stats;
		this.outcomes = outcomes;
	}

	/**
	 * A new listing, or (about one time in eight) a changed version of one sent before.
	 */
	public Listing next() {
		if (this.sent.size() > 10 && this.random.nextInt(8) == 0) {
			this.stats.increment("updates");
			return changed(this.sent.get(this.random.nextInt(this.sent.size())));
		}
		Listing listing = fresh();
		this.sent.add(listing);
		if (this.sent.size() > REMEMBERED) {
			this.sent.remove(0);
		}
		return listing;
	}

	static boolean isRedFlagged(Listing listing) {
		return RED_FLAGS.stream().anyMatch((flag) -> listing.description().contains(flag));
	}

	private Listing fresh() {
		JobTemplates.Template job = pick(JobTemplates.ALL);
		Segment segment = Segment.pick(this.random);
		String id = DEMO_ID_PREFIX
				+ (100_000_000_000_000_000L + (this.random.nextLong() & Long.MAX_VALUE) % 900_000_000_000_000_000L);
		String description = "We are looking for help with " + job.scope() + ". " + segment.pitch(this.random)
				+ ((this.random.nextInt(20) == 0) ? " " + pick(RED_FLAGS) : "");
		int proposals = segment.proposals(this.random, job.fixedMax());
		return new Listing("upwork", id, "https://www.upwork.com/jobs/" + id, job.title(), description,
				Instant.now().minus(Duration.ofMinutes(this.random.nextInt(180))), job.category(), job.skills(),
				budget(job, segment), pick(List.of(ExperienceLevel.values())),
				pick(List.of("Less than 1 month", "1 to 3 months", "3 to 6 months", "More than 6 months")),
				pick(List.of("Less than 30 hrs/week", "30+ hrs/week")), proposals, 4 + this.random.nextInt(21),
				client(segment), null);
	}

	private Listing changed(Listing earlier) {
		int proposals = ((earlier.proposals() != null) ? earlier.proposals() : 0) + 3 + this.random.nextInt(18);
		List<ClosedResult> results = this.outcomes.wasHired(earlier.externalId()) ? List.of(ClosedResult.HIRED)
				: List.of(ClosedResult.HIRED, ClosedResult.HIRED, ClosedResult.NO_HIRE, ClosedResult.EXPIRED);
		Listing.Closed closed = (this.random.nextInt(6) == 0) ? new Listing.Closed(pick(results), Instant.now()) : null;
		if (closed != null && closed.result() != ClosedResult.HIRED) {
			this.outcomes.closedWithoutAHire(earlier.externalId());
		}
		return new Listing(earlier.source(), earlier.externalId(), earlier.url(), earlier.title(),
				earlier.description(), earlier.postedAt(), earlier.category(), earlier.skills(), earlier.budget(),
				earlier.experienceLevel(), earlier.duration(), earlier.workload(), Math.min(proposals, 80),
				earlier.connectsRequired(), earlier.client(), closed);
	}

	private Budget budget(JobTemplates.Template job, Segment segment) {
		double share = segment.budgetShare(this.random);
		if (this.random.nextInt(5) < 3) {
			long amount = Math.round(job.fixedMin() + share * (job.fixedMax() - job.fixedMin()));
			long rounded = Math.max(30, Math.min(40_000, (amount >= 1000) ? amount / 100 * 100 : amount / 5 * 5));
			return new Budget(BudgetType.FIXED, BigDecimal.valueOf(rounded), null, null, "USD");
		}
		long min = Math.round(job.hourlyMin() + share * (job.hourlyMax() - job.hourlyMin()) * 0.6);
		long max = Math.max(min + 5, Math.round(min * (1.2 + this.random.nextDouble() * 0.6)));
		return new Budget(BudgetType.HOURLY, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max), "USD");
	}

	private Client client(Segment segment) {
		long spent = segment.totalSpent(this.random);
		int hires = (spent == 0) ? 0 : (int) Math.max(1, Math.min(900, spent / (800 + this.random.nextInt(4000))));
		boolean verified = segment != Segment.NEW || this.random.nextBoolean();
		BigDecimal rating = (hires == 0) ? null
				: BigDecimal.valueOf(Math.min(50, segment.minRatingTenths() + this.random.nextInt(11)), 1);
		return new Client(verified, pick(COUNTRIES), BigDecimal.valueOf(spent), hires,
				hires + this.random.nextInt(hires / 2 + 3), rating, (hires == 0) ? 0 : hires * 2 / 3,
				LocalDate.now().minusDays(segment.ageDays(this.random)), segment.companySize(this.random));
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
