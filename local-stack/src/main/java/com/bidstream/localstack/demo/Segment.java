package com.bidstream.localstack.demo;

import java.util.List;
import java.util.Random;

/**
 * The demo's client segments (the contract's default rules by {@code client.totalSpent}),
 * with how their listings tend to look and how well their pursuits convert.
 */
enum Segment {

	NEW("new", 0, 0, 0, 0.15, 1.0), EMERGING("emerging", 200, 9_999, 40, 0.35, 1.4),
	ESTABLISHED("established", 10_000, 99_999, 43, 0.55, 1.8),
	ENTERPRISE("enterprise", 100_000, 2_000_000, 46, 0.80, 2.4);

	private final String id;

	private final long minSpent;

	private final long maxSpent;

	private final int minRatingTenths;

	private final double budgetLevel;

	private final double conversion;

	Segment(String id, long minSpent, long maxSpent, int minRatingTenths, double budgetLevel, double conversion) {
		this.id = id;
		this.minSpent = minSpent;
		this.maxSpent = maxSpent;
		this.minRatingTenths = minRatingTenths;
		this.budgetLevel = budgetLevel;
		this.conversion = conversion;
	}

	static Segment pick(Random random) {
		int roll = random.nextInt(100);
		return (roll < 25) ? NEW : (roll < 50) ? EMERGING : (roll < 80) ? ESTABLISHED : ENTERPRISE;
	}

	static Segment of(String id) {
		for (Segment segment : values()) {
			if (segment.id.equals(id)) {
				return segment;
			}
		}
		return EMERGING;
	}

	/**
	 * How much likelier than a new client's pursuit this segment's is to move on (1.0 =
	 * new).
	 */
	double conversion() {
		return this.conversion;
	}

	long totalSpent(Random random) {
		if (this.maxSpent == 0) {
			return 0;
		}
		// log-uniform: most clients sit near the bottom of their segment
		double low = Math.log(this.minSpent);
		double high = Math.log(this.maxSpent);
		return Math.round(Math.exp(low + random.nextDouble() * (high - low)));
	}

	double budgetShare(Random random) {
		return Math.min(1.0, Math.max(0.0, this.budgetLevel + (random.nextDouble() - 0.5) * 0.5));
	}

	int proposals(Random random, int jobSize) {
		int crowd = (jobSize < 2000) ? 50 : 25;
		int base = (this == NEW) ? crowd : crowd / 2;
		return Math.min(80, random.nextInt(base + 1) + ((this == ENTERPRISE) ? 0 : random.nextInt(10)));
	}

	int minRatingTenths() {
		return Math.max(30, this.minRatingTenths);
	}

	int ageDays(Random random) {
		return (this == NEW) ? random.nextInt(60) : 200 + random.nextInt(3000);
	}

	String companySize(Random random) {
		List<String> sizes = switch (this) {
			case NEW -> List.of("1", "2-9");
			case EMERGING -> List.of("2-9", "10-99");
			case ESTABLISHED -> List.of("10-99", "100-999");
			case ENTERPRISE -> List.of("100-999", "1000+");
		};
		return sizes.get(random.nextInt(sizes.size()));
	}

	String pitch(Random random) {
		List<String> pitches = switch (this) {
			case NEW -> List.of("First time hiring here, budget is tight.", "Need this done fast and cheap.");
			case EMERGING -> List.of("Small team, we hire on Upwork now and then.", "Looking for a reliable partner.");
			case ESTABLISHED -> List.of("We have worked with 20+ freelancers here.",
					"Long-term collaboration possible for the right person.");
			case ENTERPRISE -> List.of("Part of a multi-year program with clear milestones.",
					"You will work with our in-house platform team; NDA required.");
		};
		return pitches.get(random.nextInt(pitches.size()));
	}

}
