package com.bidstream.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Ingest accepted a new version of a listing for an agency. {@code version} starts at 1
 * and grows with every changed content; {@code firstIngestedAt} is when version 1 was
 * accepted (the reporting cohort).
 */
public record ListingIngested(UUID eventId, Instant occurredAt, String agencyId, String jobKey, int schemaVersion,
		int version, Instant firstIngestedAt, Listing listing) implements ListingEvent {

	public static final int SCHEMA_VERSION = 1;

}
