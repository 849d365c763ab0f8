package com.bidstream.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What every message on every topic carries. {@code type} is written from the record's
 * class and ignored when read, so that it cannot disagree with the record.
 */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public sealed interface BidstreamEvent permits ListingEvent, ScoringEvent, PursuitEvent {

	UUID eventId();

	Instant occurredAt();

	String agencyId();

	String jobKey();

	int schemaVersion();

	@JsonProperty("type")
	default String type() {
		return getClass().getSimpleName();
	}

	/**
	 * The Kafka record key, {@code agencyId|jobKey}.
	 */
	default String key() {
		return Topics.key(agencyId(), jobKey());
	}

}
