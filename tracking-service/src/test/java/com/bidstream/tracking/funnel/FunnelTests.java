package com.bidstream.tracking.funnel;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunnelTests {

	static PursuitState at(Stage stage) {
		return new PursuitState(stage, null, null, null);
	}

	static PursuitState heldAt(Stage stage, String holder) {
		return new PursuitState(stage, null, holder, null);
	}

	static PursuitState after(PursuitState state, FunnelEvent... events) {
		PursuitState current = state;
		for (FunnelEvent event : events) {
			current = Funnel.apply(current, event);
		}
		return current;
	}

	@Test
	void queuesANewPursuit() {
		PursuitState queued = Funnel.apply(PursuitState.fresh(), FunnelEvent.of(Action.QUEUE));

		assertThat(queued).isEqualTo(at(Stage.QUEUED));
	}

	@Test
	void aClaimHandsThePursuitToTheFreelancer() {
		PursuitState claimed = Funnel.apply(at(Stage.QUEUED), FunnelEvent.by(Action.CLAIM, "fl-1"));

		assertThat(claimed.stage()).isEqualTo(Stage.CLAIMED);
		assertThat(claimed.holder()).isEqualTo("fl-1");
	}

	@Test
	void aMemberMayClaimAPursuitStillWaitingInNew() {
		PursuitState claimed = Funnel.apply(PursuitState.fresh(), FunnelEvent.by(Action.CLAIM, "fl-1"));

		assertThat(claimed).isEqualTo(heldAt(Stage.CLAIMED, "fl-1"));
	}

	@Test
	void rejectsClaimWhileAnotherFreelancerHoldsTheJob() {
		PursuitState claimed = heldAt(Stage.CLAIMED, "fl-1");

		assertThatThrownBy(() -> Funnel.apply(claimed, FunnelEvent.by(Action.CLAIM, "fl-2")))
			.isInstanceOfSatisfying(FunnelConflict.class,
					(conflict) -> assertThat(conflict.slug()).isEqualTo("held-by-another"))
			.hasMessageContaining("fl-1");
	}

	@Test
	void rejectsAProposalByAnotherFreelancerWhileOneHoldsTheJob() {
		PursuitState claimed = heldAt(Stage.CLAIMED, "fl-1");

		assertThatThrownBy(() -> Funnel.apply(claimed, FunnelEvent.by(Action.PROPOSAL_SENT, "fl-2")))
			.isInstanceOf(FunnelConflict.class);
	}

	@Test
	void theHolderClaimingAgainKeepsThePursuit() {
		PursuitState proposed = heldAt(Stage.PROPOSED, "fl-1");

		assertThat(Funnel.apply(proposed, FunnelEvent.by(Action.CLAIM, "fl-1"))).isEqualTo(proposed);
	}

	@Test
	void aProposalWithoutAClaimHandsThePursuitToItsSender() {
		PursuitState proposed = Funnel.apply(at(Stage.QUEUED), FunnelEvent.by(Action.PROPOSAL_SENT, "fl-3"));

		assertThat(proposed).isEqualTo(heldAt(Stage.PROPOSED, "fl-3"));
	}

	@Test
	void releaseByTheHolderReturnsThePursuitToTheQueueWithoutHolder() {
		PursuitState released = Funnel.apply(heldAt(Stage.CLAIMED, "fl-1"), FunnelEvent.by(Action.RELEASE, "fl-1"));

		assertThat(released).isEqualTo(at(Stage.QUEUED));
	}

	@Test
	void afterAReleaseAnotherFreelancerMayClaim() {
		PursuitState claimed = after(heldAt(Stage.CLAIMED, "fl-1"), FunnelEvent.by(Action.RELEASE, "fl-1"),
				FunnelEvent.by(Action.CLAIM, "fl-2"));

		assertThat(claimed).isEqualTo(heldAt(Stage.CLAIMED, "fl-2"));
	}

	@Test
	void rejectsReleaseByAFreelancerWhoDoesNotHoldThePursuit() {
		assertThatThrownBy(() -> Funnel.apply(heldAt(Stage.CLAIMED, "fl-1"), FunnelEvent.by(Action.RELEASE, "fl-2")))
			.isInstanceOfSatisfying(FunnelConflict.class,
					(conflict) -> assertThat(conflict.slug()).isEqualTo("not-holder"));
		assertThatThrownBy(() -> Funnel.apply(at(Stage.QUEUED), FunnelEvent.by(Action.RELEASE, "fl-2")))
			.isInstanceOf(FunnelConflict.class)
			.hasMessageContaining("nobody");
	}

	@Test
	void eachFunnelStepMovesToItsStage() {
		PursuitState proposed = heldAt(Stage.PROPOSED, "fl-1");

		assertThat(Funnel.apply(proposed, FunnelEvent.of(Action.VIEWED)).stage()).isEqualTo(Stage.VIEWED);
		assertThat(Funnel.apply(proposed, FunnelEvent.of(Action.REPLIED)).stage()).isEqualTo(Stage.REPLIED);
		assertThat(Funnel.apply(proposed, FunnelEvent.of(Action.INTERVIEW)).stage()).isEqualTo(Stage.INTERVIEWING);
		assertThat(Funnel.apply(proposed, FunnelEvent.of(Action.HIRED)).stage()).isEqualTo(Stage.HIRED);
	}

	@Test
	void aReplyWithoutAViewCountsAsViewed() {
		PursuitState replied = Funnel.apply(heldAt(Stage.PROPOSED, "fl-1"), FunnelEvent.of(Action.REPLIED));

		assertThat(replied.stage()).isEqualTo(Stage.REPLIED).isGreaterThan(Stage.VIEWED);
		assertThat(replied.holder()).as("the holder keeps the pursuit").isEqualTo("fl-1");
	}

	@Test
	void anOfferImpliesInterviewing() {
		PursuitState offered = Funnel.apply(heldAt(Stage.REPLIED, "fl-1"), FunnelEvent.of(Action.OFFER));

		assertThat(offered.stage()).isEqualTo(Stage.INTERVIEWING);
	}

	@Test
	void aLateViewAfterAReplyLeavesTheStageAtReplied() {
		PursuitState replied = heldAt(Stage.REPLIED, "fl-1");

		assertThat(Funnel.apply(replied, FunnelEvent.of(Action.VIEWED))).isEqualTo(replied);
		assertThat(Funnel.apply(replied, FunnelEvent.of(Action.QUEUE))).isEqualTo(replied);
		assertThat(Funnel.apply(replied, FunnelEvent.by(Action.CLAIM, "fl-1"))).isEqualTo(replied);
	}

	@Test
	void aLossKeepsTheStageReachedAndRecordsTheReason() {
		PursuitState lost = Funnel.apply(heldAt(Stage.REPLIED, "fl-1"), FunnelEvent.lost(LossReason.PRICE));

		assertThat(lost).isEqualTo(new PursuitState(Stage.REPLIED, Outcome.LOST, "fl-1", LossReason.PRICE));
	}

	@Test
	void aWithdrawalKeepsTheStageReached() {
		PursuitState withdrawn = Funnel.apply(at(Stage.QUEUED), FunnelEvent.of(Action.WITHDRAWN));

		assertThat(withdrawn.stage()).isEqualTo(Stage.QUEUED);
		assertThat(withdrawn.outcome()).isEqualTo(Outcome.WITHDRAWN);
		assertThat(withdrawn.closed()).isTrue();
	}

	@Test
	void rejectsAnyEventAfterHiredLostOrWithdrawn() {
		PursuitState hired = heldAt(Stage.HIRED, "fl-1");
		PursuitState lost = new PursuitState(Stage.PROPOSED, Outcome.LOST, "fl-1", LossReason.TRUST);
		PursuitState withdrawn = new PursuitState(Stage.QUEUED, Outcome.WITHDRAWN, null, null);

		for (PursuitState closed : new PursuitState[] { hired, lost, withdrawn }) {
			for (Action action : Action.values()) {
				FunnelEvent event = new FunnelEvent(action, "fl-1", LossReason.OTHER);
				assertThatThrownBy(() -> Funnel.apply(closed, event)).as(action + " after " + closed)
					.isInstanceOfSatisfying(FunnelConflict.class,
							(conflict) -> assertThat(conflict.slug()).isEqualTo("closed"));
			}
		}
	}

	@Test
	void rejectsClaimReleaseAndProposalWithoutAFreelancer() {
		for (Action action : new Action[] { Action.CLAIM, Action.RELEASE, Action.PROPOSAL_SENT }) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Funnel.apply(at(Stage.QUEUED), FunnelEvent.of(action)))
				.withMessageContaining("freelancer");
		}
	}

	@Test
	void rejectsALossWithoutAReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Funnel.apply(at(Stage.QUEUED), FunnelEvent.of(Action.LOST)))
			.withMessageContaining("reason");
	}

	@Test
	void theFullPathEndsHiredByTheFreelancerWhoClaimed() {
		PursuitState hired = after(PursuitState.fresh(), FunnelEvent.of(Action.QUEUE),
				FunnelEvent.by(Action.CLAIM, "fl-1"), FunnelEvent.by(Action.PROPOSAL_SENT, "fl-1"),
				FunnelEvent.of(Action.VIEWED), FunnelEvent.of(Action.REPLIED), FunnelEvent.of(Action.INTERVIEW),
				FunnelEvent.of(Action.OFFER), FunnelEvent.of(Action.HIRED));

		assertThat(hired).isEqualTo(heldAt(Stage.HIRED, "fl-1"));
		assertThat(hired.closed()).isTrue();
	}

}
