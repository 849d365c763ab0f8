package com.bidstream.localstack.demo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FunnelOddsTests {

	private final FunnelOdds odds = new FunnelOdds(new Random(11));

	@Test
	void enterpriseClientsHireMoreOftenThanNewOnes() {
		double enterprise = hireRate(Segment.ENTERPRISE);
		double fresh = hireRate(Segment.NEW);

		assertThat(enterprise).isGreaterThan(fresh * 3);
		assertThat(fresh).isGreaterThan(0.0);
		assertThat(enterprise).isLessThan(0.8);
	}

	@Test
	void aProposalNamesTheClaimingFreelancerAndItsConnects() {
		Map<String, Object> proposal = firstMove("CLAIMED", Segment.NEW, "fl-09");

		assertThat(proposal).containsEntry("type", "PROPOSAL_SENT")
			.containsEntry("freelancerId", "fl-09")
			.containsKeys("eventId", "connectsSpent", "bidAmount");
	}

	@Test
	void aLostPursuitCarriesAReason() {
		for (int i = 0; i < 200; i++) {
			Optional<Map<String, Object>> move = this.odds.next("PROPOSED", Segment.NEW, "fl-01");
			if (move.isPresent() && move.get().get("type").equals("LOST")) {
				assertThat(move.get()).containsKey("reason");
				return;
			}
		}
		throw new AssertionError("no LOST in 200 ticks");
	}

	@Test
	void noLossAtAnyStageSaysTheJobClosedWhileItIsOpen() {
		int losses = 0;
		for (String stage : List.of("PROPOSED", "VIEWED", "REPLIED", "INTERVIEWING")) {
			for (int i = 0; i < 2_000; i++) {
				Optional<Map<String, Object>> move = this.odds.next(stage, Segment.NEW, "fl-01");
				if (move.isPresent() && move.get().get("type").equals("LOST")) {
					losses++;
					assertThat(move.get().get("reason")).as(stage).isNotEqualTo("JOB_CLOSED");
				}
			}
		}
		assertThat(losses).as("losses rolled").isGreaterThan(100);
	}

	/**
	 * Walks pursuits from PROPOSED to an end, one tick at a time, and counts the hires.
	 */
	private double hireRate(Segment segment) {
		List<String> next = List.of("PROPOSED", "VIEWED", "REPLIED", "INTERVIEWING", "HIRED");
		int hires = 0;
		int pursuits = 4000;
		for (int i = 0; i < pursuits; i++) {
			String stage = "PROPOSED";
			while (!stage.equals("HIRED") && !stage.equals("LOST")) {
				Optional<Map<String, Object>> move = this.odds.next(stage, segment, "fl-01");
				if (move.isPresent()) {
					stage = move.get().get("type").equals("LOST") ? "LOST" : next.get(next.indexOf(stage) + 1);
				}
			}
			hires += stage.equals("HIRED") ? 1 : 0;
		}
		return (double) hires / pursuits;
	}

	private Map<String, Object> firstMove(String stage, Segment segment, String freelancer) {
		for (int i = 0; i < 100; i++) {
			Optional<Map<String, Object>> move = this.odds.next(stage, segment, freelancer);
			if (move.isPresent()) {
				return move.get();
			}
		}
		throw new AssertionError("no move in 100 ticks");
	}

}
