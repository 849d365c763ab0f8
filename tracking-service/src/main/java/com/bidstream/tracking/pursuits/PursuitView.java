package com.bidstream.tracking.pursuits;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * A pursuit as the API answers it; {@code history} is left out of lists.
 * {@code createdAt}, beyond the contract's fields, is when tracking took the pursuit:
 * when it applied the listing's first score.
 */
record PursuitView(String jobKey, String agencyId, Stage stage, Outcome outcome, String freelancerId, Integer score,
		Decision decision, String segment, LossReason reason, Instant createdAt,
		@JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history) {

	static PursuitView of(Pursuit pursuit, List<HistoryEntry> history) {
		return new PursuitView(pursuit.jobKey(), pursuit.agencyId(), pursuit.stage(), pursuit.outcome(),
				pursuit.freelancerId(), pursuit.score(), pursuit.decision(), pursuit.segment(), pursuit.reason(),
				pursuit.createdAt(), history);
	}

	static PursuitView summary(Pursuit pursuit) {
		return of(pursuit, null);
	}

}
