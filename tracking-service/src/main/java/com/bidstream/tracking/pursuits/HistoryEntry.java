package com.bidstream.tracking.pursuits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;

/**
 * One accepted funnel event of a pursuit, as the API shows it and {@code pursuit_events}
 * stores it.
 */
record HistoryEntry(UUID eventId, Action type, String freelancerId, Instant occurredAt, Integer connectsSpent,
		BigDecimal bidAmount, BigDecimal contractValue, LossReason reason, String note, Instant recordedAt) {

}
