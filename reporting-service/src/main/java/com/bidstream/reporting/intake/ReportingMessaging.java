package com.bidstream.reporting.intake;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.EventConsumer;

/**
 * The consumers of the reporting group, one per topic (bindings in application.yml). Each
 * poll batch goes to every {@link ReportingSink} in order, in one transaction with the
 * inbox records, so each event is applied once. Each sink's share of a batch is timed
 * ({@code bidstream.reporting.sink.duration{sink, topic}}), which shows where the time of
 * reporting's consumers goes.
 */
@Configuration(proxyBeanMethods = false)
class ReportingMessaging {

	static final String GROUP = "reporting";

	private static final Logger log = LoggerFactory.getLogger(ReportingMessaging.class);

	@Bean
	Consumer<List<byte[]>> listingsIngested(EventConsumer events, List<ReportingSink> sinks, MeterRegistry meters) {
		log.info("Reporting consumes {} as group {}", Topics.LISTINGS_INGESTED, GROUP);
		return events.batchOf(GROUP, ListingIngested.class,
				toEach(sinks, Topics.LISTINGS_INGESTED, meters, ReportingSink::listingsIngested));
	}

	@Bean
	Consumer<List<byte[]>> listingsScored(EventConsumer events, List<ReportingSink> sinks, MeterRegistry meters) {
		log.info("Reporting consumes {} as group {}", Topics.LISTINGS_SCORED, GROUP);
		return events.batchOf(GROUP, ListingScored.class,
				toEach(sinks, Topics.LISTINGS_SCORED, meters, ReportingSink::listingsScored));
	}

	@Bean
	Consumer<List<byte[]>> pursuitEvents(EventConsumer events, List<ReportingSink> sinks, MeterRegistry meters) {
		log.info("Reporting consumes {} as group {}", Topics.PURSUITS_EVENTS, GROUP);
		return events.batchOf(GROUP, PursuitAdvanced.class,
				toEach(sinks, Topics.PURSUITS_EVENTS, meters, ReportingSink::pursuitsAdvanced));
	}

	private static <T extends BidstreamEvent> Consumer<List<T>> toEach(List<ReportingSink> sinks, String topic,
			MeterRegistry meters, BiConsumer<ReportingSink, List<T>> apply) {
		List<TimedSink> timed = sinks.stream()
			.map((sink) -> new TimedSink(sink,
					Timer.builder("bidstream.reporting.sink.duration")
						.description("Time each reporting sink spent on its share of a poll batch")
						.tag("sink", AopUtils.getTargetClass(sink).getSimpleName())
						.tag("topic", topic)
						.register(meters)))
			.toList();
		return (batch) -> timed.forEach((sink) -> sink.timer().record(() -> apply.accept(sink.sink(), batch)));
	}

	private record TimedSink(ReportingSink sink, Timer timer) {

	}

}
