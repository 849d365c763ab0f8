package com.bidstream.scoring.scores;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.bidstream.contracts.ListingIngested;
import com.bidstream.platform.messaging.EventConsumer;

/**
 * The scoring step: {@code listings.ingested} (group {@code scoring}) in,
 * {@code listings.scored} out through the outbox.
 */
@Configuration(proxyBeanMethods = false)
class ScoringMessaging {

	@Bean
	Consumer<List<byte[]>> scoreListings(EventConsumer events, ListingScorer scorer) {
		return events.batchOf("scoring", ListingIngested.class, scorer::scoreAll);
	}

}
