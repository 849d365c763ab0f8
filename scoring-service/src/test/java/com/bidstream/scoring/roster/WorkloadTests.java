package com.bidstream.scoring.roster;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who holds a pursuit follows tracking's rules, not the freelancer an event names.
 */
class WorkloadTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	final Workload.Holding none = new Workload.Holding("demo", "upwork:~1", null, false, null);

	static PursuitAdvanced event(Action action, Stage stage, Outcome outcome, String freelancerId) {
		return new PursuitAdvanced(UUID.randomUUID(), T0, "demo", "upwork:~1", PursuitAdvanced.SCHEMA_VERSION, action,
				stage, outcome, freelancerId, null, null, null, null, T0);
	}

	@Test
	void aClaimOrAProposalHoldsAndAnotherNamedOnALaterEventDoesNotTakeIt() {
		Workload.Holding claimed = this.none.after(event(Action.CLAIM, Stage.CLAIMED, null, "fl-ana"), T0);
		Workload.Holding viewed = claimed.after(event(Action.VIEWED, Stage.VIEWED, null, "fl-bo"), T0.plusSeconds(1));
		Workload.Holding replied = viewed.after(event(Action.REPLIED, Stage.REPLIED, null, null), T0.plusSeconds(2));
		Workload.Holding proposed = this.none.after(event(Action.PROPOSAL_SENT, Stage.PROPOSED, null, "fl-cy"), T0);

		assertThat(claimed.holder()).isEqualTo("fl-ana");
		assertThat(claimed.open()).isTrue();
		assertThat(viewed.holder()).as("fl-bo acted, fl-ana holds").isEqualTo("fl-ana");
		assertThat(replied.holder()).isEqualTo("fl-ana");
		assertThat(replied.open()).isTrue();
		assertThat(proposed.holder()).isEqualTo("fl-cy");
		assertThat(proposed.open()).isTrue();
	}

	@Test
	void anEventNamingSomeoneOnAPursuitNobodyHoldsOpensNothing() {
		Workload.Holding replied = this.none.after(event(Action.REPLIED, Stage.REPLIED, null, "fl-bo"), T0);

		assertThat(replied.holder()).isNull();
		assertThat(replied.open()).isFalse();
	}

	@Test
	void aReleaseAHireALossOrAWithdrawalEndsItAndALateEventChangesNothing() {
		Workload.Holding claimed = this.none.after(event(Action.CLAIM, Stage.CLAIMED, null, "fl-ana"), T0);

		Workload.Holding released = claimed.after(event(Action.RELEASE, Stage.QUEUED, null, "fl-ana"),
				T0.plusSeconds(1));
		Workload.Holding hired = claimed.after(event(Action.HIRED, Stage.HIRED, null, null), T0.plusSeconds(1));
		Workload.Holding lost = claimed.after(event(Action.LOST, Stage.CLAIMED, Outcome.LOST, null), T0.plusSeconds(1));
		Workload.Holding withdrawn = claimed.after(event(Action.WITHDRAWN, Stage.CLAIMED, Outcome.WITHDRAWN, null),
				T0.plusSeconds(1));
		Workload.Holding late = lost.after(event(Action.CLAIM, Stage.CLAIMED, null, "fl-ana"), T0.minusSeconds(1));

		assertThat(released.holder()).isNull();
		assertThat(released.open()).isFalse();
		assertThat(hired.open()).isFalse();
		assertThat(lost.open()).isFalse();
		assertThat(withdrawn.open()).isFalse();
		assertThat(late).as("recorded before the loss").isEqualTo(lost);
	}

}
