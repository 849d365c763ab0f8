package com.bidstream.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ClosedResult;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.LossReason;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.contracts.Topics;
import com.bidstream.testsupport.TopicReader;

/**
 * Builds the events other services publish and puts them on their topics as raw bytes,
 * the way those services would.
 */
public record ReportingEvents(TopicReader kafka) {

	public static ListingScored score(String agency, String jobKey, int version, String segment,
			Instant firstIngestedAt, ClosedResult closed, Instant scoredAt) {
		return new ListingScored(UUID.randomUUID(), scoredAt, agency, jobKey, ListingScored.SCHEMA_VERSION, version, 82,
				Decision.PURSUE, segment, BudgetBand.MEDIUM, true, AiExposure.AI_ASSISTED, List.of(), List.of(),
				"default-1", "upwork", "Web, Mobile & Software Dev", List.of("Java"), firstIngestedAt, firstIngestedAt,
				closed, new BigDecimal("4000"), 12);
	}

	public static PursuitAdvanced pursuit(String agency, String jobKey, Action action, Stage stage, Instant at,
			String freelancer, Integer connects, BigDecimal contractValue) {
		Outcome outcome = switch (action) {
			case LOST -> Outcome.LOST;
			case WITHDRAWN -> Outcome.WITHDRAWN;
			default -> null;
		};
		return new PursuitAdvanced(UUID.randomUUID(), at, agency, jobKey, PursuitAdvanced.SCHEMA_VERSION, action, stage,
				outcome, freelancer, connects, null, contractValue, (action == Action.LOST) ? LossReason.PRICE : null,
				at);
	}

	public static PursuitAdvanced pursuit(String agency, String jobKey, Action action, Stage stage, Instant at) {
		return pursuit(agency, jobKey, action, stage, at, null, null, null);
	}

	public static ListingIngested ingested(String agency, String jobKey, int version, Instant firstIngestedAt,
			ClosedResult closed, Instant at) {
		String externalId = jobKey.substring(jobKey.indexOf(':') + 1);
		Listing listing = new Listing("upwork", externalId, null, "Spring Boot engineer", "We need help", at,
				"Web, Mobile & Software Dev", List.of("Java"), null, null, null, null, 12, 16, null,
				(closed != null) ? new Listing.Closed(closed, at) : null);
		return new ListingIngested(UUID.randomUUID(), at, agency, jobKey, ListingIngested.SCHEMA_VERSION, version,
				firstIngestedAt, listing);
	}

	public void publish(ListingScored event) {
		this.kafka.send(Topics.LISTINGS_SCORED, event.key(), EventCodec.toBytes(event));
	}

	public void publish(PursuitAdvanced event) {
		this.kafka.send(Topics.PURSUITS_EVENTS, event.key(), EventCodec.toBytes(event));
	}

	public void publish(ListingIngested event) {
		this.kafka.send(Topics.LISTINGS_INGESTED, event.key(), EventCodec.toBytes(event));
	}

}
