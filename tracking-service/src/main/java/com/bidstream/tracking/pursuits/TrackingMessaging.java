package com.bidstream.tracking.pursuits;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.bidstream.contracts.ListingScored;
import com.bidstream.platform.messaging.EventConsumer;

/**
 * The binder's consumer of {@code listings.scored} (group {@code tracking}, see
 * {@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
class TrackingMessaging {

	@Bean
	Consumer<List<byte[]>> scoredListings(EventConsumer events, ScoredListingIntake intake) {
		return events.batchOf("tracking", ListingScored.class, intake::applyAll);
	}

}
