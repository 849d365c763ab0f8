package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelAggregatorTests {

	static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

	final List<ScoredListing> listings = new ArrayList<>();

	final List<PursuitStep> steps = new ArrayList<>();

	ScoredListing listing(String jobKey, String segment, String closed) {
		ScoredListing listing = new ScoredListing("demo", jobKey, segment, "MEDIUM", "upwork", "Web", true,
				"AI_ASSISTED", closed);
		this.listings.add(listing);
		return listing;
	}

	void step(String jobKey, Action action, Stage stage, int hoursAfterStart, String freelancer, Integer connects,
			BigDecimal value) {
		Outcome outcome = (action == Action.LOST) ? Outcome.LOST
				: (action == Action.WITHDRAWN) ? Outcome.WITHDRAWN : null;
		this.steps.add(new PursuitStep(UUID.randomUUID(), "demo", jobKey, action, stage, outcome, freelancer,
				T0.plus(Duration.ofHours(hoursAfterStart)), connects, value, (action == Action.LOST) ? "PRICE" : null));
	}

	void step(String jobKey, Action action, Stage stage, int hoursAfterStart) {
		step(jobKey, action, stage, hoursAfterStart, null, null, null);
	}

	List<FunnelRow> aggregate(GroupBy groupBy, boolean excludeNoHire) {
		return FunnelAggregator.aggregate(this.listings, this.steps, groupBy, excludeNoHire);
	}

	@Test
	void aStageReachedImpliesEveryEarlierStageAndEachListingCountsOnce() {
		listing("j1", "enterprise", null);
		listing("j2", "enterprise", null);
		listing("j3", "enterprise", null);
		step("j1", Action.CLAIM, Stage.CLAIMED, 0, "fl-1", null, null);
		step("j1", Action.PROPOSAL_SENT, Stage.PROPOSED, 1, "fl-1", 16, null);
		step("j1", Action.REPLIED, Stage.REPLIED, 5);
		step("j1", Action.OFFER, Stage.INTERVIEWING, 6);
		step("j1", Action.HIRED, Stage.HIRED, 7, null, null, new BigDecimal("4000"));
		step("j2", Action.QUEUE, Stage.QUEUED, 0);
		step("j2", Action.PROPOSAL_SENT, Stage.PROPOSED, 1, "fl-2", 8, null);
		step("j2", Action.PROPOSAL_SENT, Stage.PROPOSED, 2, "fl-2", 4, null);
		step("j2", Action.LOST, Stage.PROPOSED, 30);

		FunnelRow row = aggregate(GroupBy.SEGMENT, false).get(0);

		assertThat(row.group()).isEqualTo("enterprise");
		assertThat(List.of(row.scored(), row.queued(), row.proposed(), row.viewed(), row.replied(), row.interviewed(),
				row.hired(), row.lost(), row.withdrawn()))
			.containsExactly(3L, 2L, 2L, 1L, 1L, 1L, 1L, 1L, 0L);
		assertThat(row.connectsSpent()).isEqualTo(28);
		assertThat(row.revenue()).isEqualByComparingTo("4000");
		assertThat(row.connectsPerHire()).isEqualTo(28.0);
		assertThat(row.viewRate()).isEqualTo(0.5);
		assertThat(row.replyRate()).isEqualTo(0.5);
		assertThat(row.interviewRate()).isEqualTo(0.5);
		assertThat(row.winRate()).isEqualTo(0.5);
		assertThat(row.medianHoursToReply()).isEqualTo(4.0);
	}

	@Test
	void eventsCountWhateverOrderTheyArrivedIn() {
		listing("j1", "new", null);
		step("j1", Action.VIEWED, Stage.VIEWED, 3);
		step("j1", Action.WITHDRAWN, Stage.VIEWED, 4);
		step("j1", Action.PROPOSAL_SENT, Stage.PROPOSED, 1, "fl-1", 2, null);

		FunnelRow row = aggregate(GroupBy.SEGMENT, false).get(0);

		assertThat(row.proposed()).isEqualTo(1);
		assertThat(row.viewed()).isEqualTo(1);
		assertThat(row.withdrawn()).isEqualTo(1);
		assertThat(row.replied()).isZero();
		assertThat(row.medianHoursToReply()).isNull();
	}

	@Test
	void ratesAndPerHireFiguresAreNullWithoutProposalsOrHires() {
		listing("j1", "new", null);

		FunnelRow row = aggregate(GroupBy.SEGMENT, false).get(0);

		assertThat(row.scored()).isEqualTo(1);
		assertThat(row.viewRate()).isNull();
		assertThat(row.replyRate()).isNull();
		assertThat(row.interviewRate()).isNull();
		assertThat(row.winRate()).isNull();
		assertThat(row.connectsPerHire()).isNull();
		assertThat(row.revenue()).isEqualByComparingTo("0");
	}

	@Test
	void medianHoursToReplyIsTheMiddleOfTheListingsThatHaveBoth() {
		for (int hours : new int[] { 2, 4, 10, 30 }) {
			listing("j" + hours, "new", null);
			step("j" + hours, Action.PROPOSAL_SENT, Stage.PROPOSED, 0, "fl", null, null);
			step("j" + hours, Action.REPLIED, Stage.REPLIED, hours);
		}
		listing("never-replied", "new", null);
		step("never-replied", Action.PROPOSAL_SENT, Stage.PROPOSED, 0, "fl", null, null);

		assertThat(aggregate(GroupBy.SEGMENT, false).get(0).medianHoursToReply()).isEqualTo(7.0);
	}

	@Test
	void eventsOfListingsOutsideTheCohortAreNotCounted() {
		listing("j1", "new", null);
		step("elsewhere", Action.PROPOSAL_SENT, Stage.PROPOSED, 0, "fl", 50, null);

		FunnelRow row = aggregate(GroupBy.SEGMENT, false).get(0);

		assertThat(row.proposed()).isZero();
		assertThat(row.connectsSpent()).isZero();
	}

	@Test
	void excludeNoHireDropsListingsClosedWithoutAHireFromEveryCount() {
		listing("open", "new", null);
		listing("hired", "new", "HIRED");
		listing("no-hire", "new", "NO_HIRE");
		listing("cancelled", "new", "CANCELLED");
		listing("expired", "new", "EXPIRED");
		step("no-hire", Action.PROPOSAL_SENT, Stage.PROPOSED, 0, "fl", 10, null);

		FunnelRow all = aggregate(GroupBy.SEGMENT, false).get(0);
		FunnelRow kept = aggregate(GroupBy.SEGMENT, true).get(0);

		assertThat(all.scored()).isEqualTo(5);
		assertThat(all.connectsSpent()).isEqualTo(10);
		assertThat(kept.scored()).isEqualTo(2);
		assertThat(kept.proposed()).isZero();
		assertThat(kept.connectsSpent()).isZero();
	}

	@Test
	void groupsByTheLatestFreelancerNamedAndPutsNeverClaimedListingsInUnassigned() {
		listing("j1", "new", null);
		listing("j2", "new", null);
		listing("j3", "new", null);
		step("j1", Action.CLAIM, Stage.CLAIMED, 0, "fl-1", null, null);
		step("j1", Action.RELEASE, Stage.QUEUED, 1, "fl-1", null, null);
		step("j1", Action.CLAIM, Stage.CLAIMED, 2, "fl-2", null, null);
		step("j2", Action.CLAIM, Stage.CLAIMED, 0, "fl-1", null, null);

		List<FunnelRow> rows = aggregate(GroupBy.FREELANCER, false);

		assertThat(rows).extracting(FunnelRow::group).containsExactly("fl-1", "fl-2", "unassigned");
		assertThat(rows).extracting(FunnelRow::scored).containsExactly(1L, 1L, 1L);
		assertThat(rows).extracting(FunnelRow::queued).containsExactly(1L, 1L, 0L);
	}

	@Test
	void rowsAreSortedByGroupNameAndMissingValuesFallInUnknown() {
		listing("j1", "new", null);
		listing("j2", "enterprise", null);
		listing("j3", null, null);
		listing("j4", "enterprise", null);

		List<FunnelRow> bySegment = aggregate(GroupBy.SEGMENT, false);
		List<FunnelRow> byAiWork = aggregate(GroupBy.AI_WORK, false);

		assertThat(bySegment).extracting(FunnelRow::group).containsExactly("enterprise", "new", "unknown");
		assertThat(bySegment).extracting(FunnelRow::scored).containsExactly(2L, 1L, 1L);
		assertThat(byAiWork).extracting(FunnelRow::group).containsExactly("true");
	}

	@Test
	void theStageTrackingReportsCountsEvenWithoutItsOwnAction() {
		listing("j1", "new", null);
		step("j1", Action.RELEASE, Stage.QUEUED, 0, "fl-1", null, null);

		assertThat(aggregate(GroupBy.SEGMENT, false).get(0).queued()).isEqualTo(1);
	}

}
