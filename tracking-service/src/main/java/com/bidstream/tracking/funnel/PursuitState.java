package com.bidstream.tracking.funnel;

import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * Where a pursuit stands: the furthest stage reached, a terminal outcome (or null), the
 * freelancer holding it (or null) and why it ended (or null).
 */
public record PursuitState(Stage stage, Outcome outcome, String holder, LossReason reason) {

	public PursuitState {
		if (stage == null) {
			throw new IllegalArgumentException("stage is required");
		}
	}

	/**
	 * A pursuit just created from a scored listing.
	 */
	public static PursuitState fresh() {
		return new PursuitState(Stage.NEW, null, null, null);
	}

	/**
	 * True once hired, lost or withdrawn: no event may follow.
	 */
	public boolean closed() {
		return this.outcome != null || this.stage == Stage.HIRED;
	}

	/**
	 * At least {@code target}: a stage never goes backwards by reaching.
	 */
	PursuitState reach(Stage target) {
		Stage furthest = (target.compareTo(this.stage) > 0) ? target : this.stage;
		return new PursuitState(furthest, this.outcome, this.holder, this.reason);
	}

	PursuitState heldBy(String freelancerId) {
		return new PursuitState(this.stage, this.outcome, freelancerId, this.reason);
	}

	PursuitState releasedToQueue() {
		return new PursuitState(Stage.QUEUED, this.outcome, null, this.reason);
	}

	PursuitState ended(Outcome ending, LossReason why) {
		return new PursuitState(this.stage, ending, this.holder, why);
	}

}
