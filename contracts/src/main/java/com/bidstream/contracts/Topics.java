package com.bidstream.contracts;

import java.util.List;

/**
 * The catalogue of topic names (fixed by the public contract) and the record key rule.
 */
public final class Topics {

	public static final String LISTINGS_INGESTED = "listings.ingested";

	public static final String LISTINGS_SCORED = "listings.scored";

	public static final String PURSUITS_EVENTS = "pursuits.events";

	public static final List<String> ALL = List.of(LISTINGS_INGESTED, LISTINGS_SCORED, PURSUITS_EVENTS);

	private Topics() {
	}

	/**
	 * The dead-letter topic for a consumer group, {@code error.<topic>.<group>}.
	 */
	public static String deadLetter(String topic, String group) {
		return "error." + topic + "." + group;
	}

	/**
	 * The record key of every message, {@code agencyId|jobKey}, so that one listing's
	 * events stay in order on one partition.
	 */
	public static String key(String agencyId, String jobKey) {
		return agencyId + "|" + jobKey;
	}

}
