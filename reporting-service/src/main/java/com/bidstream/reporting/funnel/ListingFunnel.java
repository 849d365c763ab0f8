package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.bidstream.contracts.PursuitAdvanced.Outcome;

/**
 * What one listing adds to the funnel's cells: nothing until it is scored and its cohort
 * time is known; then one listing in the group of each {@link GroupBy} on the day of its
 * first ingest, with the stages its pursuit reached. The incremental store keeps this per
 * listing, so a new event, a re-score or a late closing takes the old contribution out of
 * its cells and puts the new one in.
 */
public record ListingFunnel(ListingKey key, boolean counted, Instant cohortAt, boolean noHire,
		Map<GroupBy, String> groups, Milestone reached, Outcome outcome, String lossReason, long connectsSpent,
		BigDecimal revenue, Integer replyMinutes) {

	/**
	 * A listing that adds nothing yet (not scored, or its first ingest time unknown).
	 */
	public static ListingFunnel notCounted(ListingKey key) {
		return new ListingFunnel(key, false, null, false, Map.of(), Milestone.NONE, null, null, 0, BigDecimal.ZERO,
				null);
	}

	/**
	 * @param listing the listing as its latest score describes it, null while unscored
	 * @param cohortAt when ingest first accepted it, null while unknown
	 * @param steps all its stored pursuit events, in any order
	 */
	public static ListingFunnel of(ListingKey key, ScoredListing listing, Instant cohortAt, List<PursuitStep> steps) {
		if (listing == null || cohortAt == null) {
			return notCounted(key);
		}
		Pursuit pursuit = Pursuit.of(steps);
		Map<GroupBy, String> groups = new EnumMap<>(GroupBy.class);
		for (GroupBy groupBy : GroupBy.values()) {
			groups.put(groupBy, groupBy.groupOf(listing, pursuit));
		}
		return new ListingFunnel(key, true, cohortAt, listing.closedWithoutHire(), groups, pursuit.reached(),
				pursuit.outcome(), pursuit.lossReason(), pursuit.connectsSpent(), pursuit.revenue(),
				pursuit.replyMinutes());
	}

	/**
	 * Whether both add the same to the same cells (revenue compared by value, not scale).
	 */
	public boolean sameAs(ListingFunnel other) {
		if (!this.counted && !other.counted) {
			return true;
		}
		return this.counted == other.counted && Objects.equals(this.cohortAt, other.cohortAt)
				&& this.noHire == other.noHire && this.groups.equals(other.groups) && this.reached == other.reached
				&& this.outcome == other.outcome && Objects.equals(this.lossReason, other.lossReason)
				&& this.connectsSpent == other.connectsSpent && this.revenue.compareTo(other.revenue) == 0
				&& Objects.equals(this.replyMinutes, other.replyMinutes);
	}

	/**
	 * The listing's counts in the order of the cells' columns: scored, the
	 * {@link GroupTally#COUNTED} milestones, lost, withdrawn, connects spent.
	 */
	public long[] counts() {
		long[] counts = new long[GroupTally.COUNTED.length + 4];
		counts[0] = 1;
		for (int i = 0; i < GroupTally.COUNTED.length; i++) {
			counts[i + 1] = this.reached.atLeast(GroupTally.COUNTED[i]) ? 1 : 0;
		}
		counts[GroupTally.COUNTED.length + 1] = (this.outcome == Outcome.LOST) ? 1 : 0;
		counts[GroupTally.COUNTED.length + 2] = (this.outcome == Outcome.WITHDRAWN) ? 1 : 0;
		counts[GroupTally.COUNTED.length + 3] = this.connectsSpent;
		return counts;
	}

}
