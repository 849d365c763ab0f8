package com.bidstream.reporting.funnel;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * The funnel's stages in order. Reaching one implies every earlier one.
 */
public enum Milestone {

	NONE, QUEUED, CLAIMED, PROPOSED, VIEWED, REPLIED, INTERVIEWED, HIRED;

	static Milestone of(Action action) {
		if (action == null) {
			return NONE;
		}
		return switch (action) {
			case QUEUE -> QUEUED;
			case CLAIM -> CLAIMED;
			case PROPOSAL_SENT -> PROPOSED;
			case VIEWED -> VIEWED;
			case REPLIED -> REPLIED;
			case INTERVIEW, OFFER -> INTERVIEWED;
			case HIRED -> HIRED;
			case RELEASE, LOST, WITHDRAWN -> NONE;
		};
	}

	/**
	 * Where tracking says the pursuit stands after an event; it covers a pursuit that
	 * tracking queued without a QUEUE action of its own.
	 */
	static Milestone of(Stage stage) {
		if (stage == null) {
			return NONE;
		}
		return switch (stage) {
			case NEW -> NONE;
			case QUEUED -> QUEUED;
			case CLAIMED -> CLAIMED;
			case PROPOSED -> PROPOSED;
			case VIEWED -> VIEWED;
			case REPLIED -> REPLIED;
			case INTERVIEWING -> INTERVIEWED;
			case HIRED -> HIRED;
		};
	}

	boolean atLeast(Milestone other) {
		return compareTo(other) >= 0;
	}

	static Milestone later(Milestone a, Milestone b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
