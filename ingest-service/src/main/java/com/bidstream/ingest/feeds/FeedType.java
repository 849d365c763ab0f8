package com.bidstream.ingest.feeds;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.bidstream.platform.web.ApiProblem;

/**
 * The kinds of feed, by their wire name.
 */
enum FeedType {

	RSS("rss"), UPWORK_GRAPHQL("upwork-graphql"), JSON_URL("json-url"), WEBHOOK("webhook");

	private final String wireName;

	FeedType(String wireName) {
		this.wireName = wireName;
	}

	String wireName() {
		return this.wireName;
	}

	boolean polled() {
		return this != WEBHOOK;
	}

	static FeedType of(String wireName) {
		for (FeedType type : values()) {
			if (type.wireName.equals(wireName)) {
				return type;
			}
		}
		throw ApiProblem.invalidField("type",
				"must be one of " + Arrays.stream(values()).map(FeedType::wireName).collect(Collectors.joining(", ")));
	}

}
