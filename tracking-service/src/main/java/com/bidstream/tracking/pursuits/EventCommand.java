package com.bidstream.tracking.pursuits;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.tracking.funnel.FunnelEvent;

/**
 * A funnel event to record, validated. {@code eventId} is null when the caller sent none
 * (the call is then not idempotent).
 */
record EventCommand(UUID eventId, Action type, String freelancerId, Instant occurredAt, Integer connectsSpent,
		BigDecimal bidAmount, BigDecimal contractValue, LossReason reason, String note) {

	static EventCommand queue(UUID eventId, Instant occurredAt) {
		return new EventCommand(eventId, Action.QUEUE, null, occurredAt, null, null, null, null, null);
	}

	FunnelEvent funnelEvent() {
		return new FunnelEvent(this.type, this.freelancerId, this.reason);
	}

}
