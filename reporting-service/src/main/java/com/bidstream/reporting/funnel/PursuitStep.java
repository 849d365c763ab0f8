package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.Instant;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * One stored pursuit event, as the funnel reads it.
 */
public record PursuitStep(String agencyId, String jobKey, Action action, Stage stage, Outcome outcome,
		String freelancerId, Instant occurredAt, Integer connectsSpent, BigDecimal contractValue) {

	ListingKey key() {
		return new ListingKey(this.agencyId, this.jobKey);
	}

}
