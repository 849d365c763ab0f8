package com.bidstream.tracking.funnel;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;

/**
 * What the funnel needs to know of one reported event: what happened, who did it (may be
 * null) and, for a loss, why.
 */
public record FunnelEvent(Action action, String freelancerId, LossReason reason) {

	public static FunnelEvent of(Action action) {
		return new FunnelEvent(action, null, null);
	}

	public static FunnelEvent by(Action action, String freelancerId) {
		return new FunnelEvent(action, freelancerId, null);
	}

	public static FunnelEvent lost(LossReason reason) {
		return new FunnelEvent(Action.LOST, null, reason);
	}

}
