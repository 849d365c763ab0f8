package com.bidstream.ingest.feeds;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A stored feed: where and how to read it, and how its polls went. The token and secret
 * stay here: {@link FeedView} never shows them.
 */
record Feed(UUID id, String agency, FeedType type, String source, String url, String query, int pollSeconds,
		String token, String secret, JsonNode mapping, Instant createdAt, Instant lastPollAt, Instant lastSuccessAt,
		long listingsFound, int consecutiveFailures, String lastError, Instant nextPollAt) {

	String status() {
		if (!this.type.polled()) {
			// a webhook feed fails when its last push was refused as a whole
			return (this.consecutiveFailures > 0) ? "FAILING" : "PUSHED";
		}
		return (this.consecutiveFailures > 0) ? "FAILING" : ((this.lastPollAt != null) ? "OK" : "PENDING");
	}

}
