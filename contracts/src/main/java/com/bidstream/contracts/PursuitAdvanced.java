package com.bidstream.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Something happened to an agency's pursuit of a listing. {@code action} is what
 * happened, {@code stage} and {@code outcome} where the pursuit stands after it.
 * {@code occurredAt} is when it happened (as the user reported it), {@code recordedAt}
 * when tracking accepted it.
 */
public record PursuitAdvanced(UUID eventId, Instant occurredAt, String agencyId, String jobKey, int schemaVersion,
		Action action, Stage stage, Outcome outcome, String freelancerId, Integer connectsSpent, BigDecimal bidAmount,
		BigDecimal contractValue, LossReason reason, Instant recordedAt) implements PursuitEvent {

	public static final int SCHEMA_VERSION = 1;

	public enum Action {

		QUEUE, CLAIM, RELEASE, PROPOSAL_SENT, VIEWED, REPLIED, INTERVIEW, OFFER, HIRED, LOST, WITHDRAWN

	}

	/**
	 * Funnel stages in order (fixed by the contract).
	 */
	public enum Stage {

		NEW, QUEUED, CLAIMED, PROPOSED, VIEWED, REPLIED, INTERVIEWING, HIRED

	}

	public enum Outcome {

		LOST, WITHDRAWN

	}

	public enum LossReason {

		PRICE, TRUST, SCOPE, TIMING, NO_RESPONSE, CLIENT_HIRED_OTHER, JOB_CLOSED, OTHER

	}

}
