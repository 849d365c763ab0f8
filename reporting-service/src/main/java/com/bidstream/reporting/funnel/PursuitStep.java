package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * One stored pursuit event, as the funnel reads it. Events are ordered by
 * {@code occurredAt}, then {@code eventId}, so a pursuit reads the same whatever order
 * its events were stored or read in.
 */
public record PursuitStep(UUID eventId, String agencyId, String jobKey, Action action, Stage stage, Outcome outcome,
		String freelancerId, Instant occurredAt, Integer connectsSpent, BigDecimal contractValue, String reason) {

	public ListingKey key() {
		return new ListingKey(this.agencyId, this.jobKey);
	}

}
