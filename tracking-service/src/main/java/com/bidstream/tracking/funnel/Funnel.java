package com.bidstream.tracking.funnel;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * The funnel's rules. A stage reached implies the earlier ones, so an event only ever
 * moves a pursuit forward (a late {@code VIEWED} after {@code REPLIED} is kept in the
 * history and changes nothing), except {@code RELEASE}, which hands the pursuit back to
 * the queue. {@code OFFER} implies {@code INTERVIEWING}. {@code HIRED}, {@code LOST} and
 * {@code WITHDRAWN} close the pursuit.
 */
public final class Funnel {

	private Funnel() {
	}

	/**
	 * The state after {@code event}.
	 * @throws FunnelConflict if the current state does not allow the event
	 * @throws IllegalArgumentException if the event lacks a field its action needs
	 */
	public static PursuitState apply(PursuitState state, FunnelEvent event) {
		requireFields(event);
		requireOpen(state, event.action());
		return switch (event.action()) {
			case QUEUE -> state.reach(Stage.QUEUED);
			case CLAIM -> hold(state, event.freelancerId(), Stage.CLAIMED);
			case PROPOSAL_SENT -> hold(state, event.freelancerId(), Stage.PROPOSED);
			case RELEASE -> release(state, event.freelancerId());
			case VIEWED -> state.reach(Stage.VIEWED);
			case REPLIED -> state.reach(Stage.REPLIED);
			case INTERVIEW, OFFER -> state.reach(Stage.INTERVIEWING);
			case HIRED -> state.reach(Stage.HIRED);
			case LOST -> state.ended(Outcome.LOST, event.reason());
			case WITHDRAWN -> state.ended(Outcome.WITHDRAWN, event.reason());
		};
	}

	/**
	 * Whether {@code action} needs the freelancer who acted.
	 */
	public static boolean needsFreelancer(Action action) {
		return action == Action.CLAIM || action == Action.RELEASE || action == Action.PROPOSAL_SENT;
	}

	private static void requireFields(FunnelEvent event) {
		if (event.action() == null) {
			throw new IllegalArgumentException("an event needs an action");
		}
		if (needsFreelancer(event.action()) && isBlank(event.freelancerId())) {
			throw new IllegalArgumentException(event.action() + " needs the freelancer who acted");
		}
		if (event.action() == Action.LOST && event.reason() == null) {
			throw new IllegalArgumentException("LOST needs a reason");
		}
	}

	private static void requireOpen(PursuitState state, Action action) {
		if (state.outcome() != null) {
			throw new FunnelConflict("closed",
					"The pursuit is already " + state.outcome() + "; no " + action + " can follow");
		}
		if (state.stage() == Stage.HIRED) {
			throw new FunnelConflict("closed", "The pursuit is already HIRED; no " + action + " can follow");
		}
	}

	private static PursuitState hold(PursuitState state, String freelancerId, Stage stage) {
		if (state.holder() != null && !state.holder().equals(freelancerId)) {
			throw new FunnelConflict("held-by-another", "Freelancer " + state.holder() + " holds this pursuit; "
					+ freelancerId + " cannot take it until it is released");
		}
		return state.reach(stage).heldBy(freelancerId);
	}

	private static PursuitState release(PursuitState state, String freelancerId) {
		if (!freelancerId.equals(state.holder())) {
			String holder = (state.holder() != null) ? "freelancer " + state.holder() : "nobody";
			throw new FunnelConflict("not-holder",
					"Only the freelancer holding a pursuit can release it; it is held by " + holder);
		}
		return state.releasedToQueue();
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
