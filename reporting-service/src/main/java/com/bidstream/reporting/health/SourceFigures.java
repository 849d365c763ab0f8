package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;

/**
 * One source of one agency: its latest listing (the latest version's ingest time) and how
 * many listings it brought in the last day and week (by that same time).
 */
record SourceFigures(String agencyId, String source, Instant lastListingAt, long listings24h, long listings7d) {

	static final Duration WEEK = Duration.ofDays(7);

	/** The usual time between two listings, from the last week's count. */
	Duration usualInterval() {
		return WEEK.dividedBy(Math.max(1, this.listings7d));
	}

}
