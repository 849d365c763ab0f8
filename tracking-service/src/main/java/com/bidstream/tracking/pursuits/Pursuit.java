package com.bidstream.tracking.pursuits;

import java.time.Instant;

import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.tracking.funnel.PursuitState;

/**
 * One row of {@code pursuits}.
 */
record Pursuit(String agencyId, String jobKey, Stage stage, Outcome outcome, String freelancerId, Integer score,
		Decision decision, String segment, LossReason reason, Integer scoreVersion, Instant scoredAt, Instant createdAt,
		Instant updatedAt) {

	PursuitState state() {
		return new PursuitState(this.stage, this.outcome, this.freelancerId, this.reason);
	}

	/**
	 * Whether {@code version} scored at {@code scoredAt} is at least as recent as the
	 * score this pursuit holds. A re-score of the same version counts as later when it
	 * happened later.
	 */
	boolean isOlderScoreThan(int version, Instant occurredAt) {
		if (this.scoreVersion == null || version > this.scoreVersion) {
			return true;
		}
		return version == this.scoreVersion && (this.scoredAt == null || !occurredAt.isBefore(this.scoredAt));
	}

}
