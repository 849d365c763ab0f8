package com.bidstream.ingest.feeds;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A feed as the API shows it, with the agency it belongs to: never its token or secret,
 * except the webhook secret once, in the answer that creates it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FeedView(UUID id, String agencyId, String type, String source, String url, String query, Integer pollSeconds,
		JsonNode mapping, boolean hasToken, String status, Instant createdAt, Instant lastPollAt, Instant lastSuccessAt,
		long listingsFound, int consecutiveFailures, String lastError, Instant nextPollAt, String webhookUrl,
		String secret) {

	static FeedView of(Feed feed, String secretOnce) {
		boolean polled = feed.type().polled();
		return new FeedView(feed.id(), feed.agency(), feed.type().wireName(), feed.source(), feed.url(), feed.query(),
				polled ? feed.pollSeconds() : null, feed.mapping(), feed.token() != null, feed.status(),
				feed.createdAt(), feed.lastPollAt(), feed.lastSuccessAt(), feed.listingsFound(),
				feed.consecutiveFailures(), feed.lastError(), polled ? feed.nextPollAt() : null,
				polled ? null : "/api/v1/webhooks/" + feed.id(), secretOnce);
	}

}
