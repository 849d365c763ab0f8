package com.bidstream.reporting.intake;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.EventConsumer;

/**
 * The consumers of the reporting group, one per topic (bindings in application.yml). Each
 * poll batch goes to every {@link ReportingSink} in order, in one transaction with the
 * inbox records, so each event is applied once.
 */
@Configuration(proxyBeanMethods = false)
class ReportingMessaging {

	static final String GROUP = "reporting";

	private static final Logger log = LoggerFactory.getLogger(ReportingMessaging.class);

	@Bean
	Consumer<List<byte[]>> listingsIngested(EventConsumer events, List<ReportingSink> sinks) {
		log.info("Reporting consumes {} as group {}", Topics.LISTINGS_INGESTED, GROUP);
		return events.batchOf(GROUP, ListingIngested.class,
				(batch) -> sinks.forEach((sink) -> sink.listingsIngested(batch)));
	}

	@Bean
	Consumer<List<byte[]>> listingsScored(EventConsumer events, List<ReportingSink> sinks) {
		log.info("Reporting consumes {} as group {}", Topics.LISTINGS_SCORED, GROUP);
		return events.batchOf(GROUP, ListingScored.class,
				(batch) -> sinks.forEach((sink) -> sink.listingsScored(batch)));
	}

	@Bean
	Consumer<List<byte[]>> pursuitEvents(EventConsumer events, List<ReportingSink> sinks) {
		log.info("Reporting consumes {} as group {}", Topics.PURSUITS_EVENTS, GROUP);
		return events.batchOf(GROUP, PursuitAdvanced.class,
				(batch) -> sinks.forEach((sink) -> sink.pursuitsAdvanced(batch)));
	}

}
