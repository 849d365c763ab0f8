package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Counts the funnel of a cohort from scratch by the fixed rules of contract section 6:
 * each listing once, in the group of its latest score; a stage column counts the listings
 * whose pursuit reached at least that stage; events whose listing is not in the cohort
 * (or not scored yet) are not counted. This is the definition the incremental store
 * (reports' {@code FunnelStore}) must equal in every cell, which its property test
 * checks.
 */
public final class FunnelAggregator {

	/** What a connect costs when configuration does not say (US$ 0.15). */
	public static final BigDecimal DEFAULT_CONNECT_PRICE = new BigDecimal("0.15");

	private FunnelAggregator() {
	}

	public static List<FunnelRow> aggregate(Collection<ScoredListing> listings, Collection<PursuitStep> steps,
			GroupBy groupBy, boolean excludeNoHire) {
		return aggregate(listings, steps, groupBy, excludeNoHire, DEFAULT_CONNECT_PRICE);
	}

	/**
	 * @param listings the cohort, one entry per listing with its latest score
	 * @param steps the pursuit events of those listings, in any order
	 * @return one row per group, sorted by group name
	 */
	public static List<FunnelRow> aggregate(Collection<ScoredListing> listings, Collection<PursuitStep> steps,
			GroupBy groupBy, boolean excludeNoHire, BigDecimal connectPrice) {
		Map<ListingKey, List<PursuitStep>> byListing = steps.stream().collect(Collectors.groupingBy(PursuitStep::key));
		Map<String, GroupTally> groups = new TreeMap<>();
		for (ScoredListing listing : listings) {
			if (excludeNoHire && listing.closedWithoutHire()) {
				continue;
			}
			Pursuit pursuit = Pursuit.of(byListing.getOrDefault(listing.key(), List.of()));
			groups.computeIfAbsent(groupBy.groupOf(listing, pursuit), GroupTally::new).add(pursuit);
		}
		return groups.values().stream().map((tally) -> tally.toRow(connectPrice)).toList();
	}

}
