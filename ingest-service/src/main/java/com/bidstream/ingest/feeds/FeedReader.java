package com.bidstream.ingest.feeds;

import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Reads one poll of a feed: the field trees of its current items.
 */
@Component
class FeedReader {

	private final OutboundHttp http;

	FeedReader(OutboundHttp http) {
		this.http = http;
	}

	/**
	 * The items of one poll, their texts made showable ({@link FeedText}).
	 */
	List<JsonNode> read(Feed feed) {
		return FeedText.cleaned(items(feed));
	}

	private List<JsonNode> items(Feed feed) {
		return switch (feed.type()) {
			case RSS -> RssItems.read(this.http.get(feed.url(), "application/rss+xml, application/atom+xml, text/xml"))
				.stream()
				.map((item) -> RssListings.listing(item, feed.source(), feed.url()))
				.toList();
			case UPWORK_GRAPHQL ->
				UpworkJobs.listings(this.http.postJson((feed.url() != null) ? feed.url() : UpworkJobs.DEFAULT_URL,
						feed.token(), UpworkJobs.request(feed.query())));
			case JSON_URL ->
				JsonListings.read(this.http.get(feed.url(), "application/json"), feed.mapping(), feed.source());
			case WEBHOOK -> throw new IllegalArgumentException("A webhook feed is pushed, not polled");
		};
	}

}
