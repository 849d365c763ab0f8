package com.bidstream.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * New event ids: time-ordered UUIDs (RFC 9562 version 7), the event's time in their first
 * 48 bits and 74 random bits after it. Every consumer records the ids it applied in its
 * inbox, whose index then grows at its right edge, as events arrive, instead of at a
 * random leaf for each one: fewer pages written per batch, and fewer whole pages in the
 * write-ahead log after each checkpoint. Consumers treat an id as an opaque UUID.
 */
public final class EventIds {

	private EventIds() {
	}

	/**
	 * A new id for an event that occurred {@code at}; the random bits come from
	 * {@link UUID#randomUUID()}, so ids of one millisecond are as unlikely to collide as
	 * any two random UUIDs of 74 bits.
	 */
	public static UUID timeOrdered(Instant at) {
		UUID random = UUID.randomUUID();
		long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
		long high = (millis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
		// the variant bits (10) of a random UUID stay as they are
		return new UUID(high, random.getLeastSignificantBits());
	}

}
