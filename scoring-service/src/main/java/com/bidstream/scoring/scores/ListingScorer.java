package com.bidstream.scoring.scores;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.scoring.model.Assessment;
import com.bidstream.scoring.model.ScoringModel;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.profile.Profiles;

/**
 * Scores each ingested listing version with its agency's profile, stores the score and
 * emits {@link ListingScored} in the same transaction. A version older than the stored
 * score is left alone and not emitted.
 */
@Service
class ListingScorer {

	private static final Logger log = LoggerFactory.getLogger(ListingScorer.class);

	private final Profiles profiles;

	private final ScoreStore scores;

	private final Outbox outbox;

	private final Clock clock;

	private final MeterRegistry meters;

	ListingScorer(Profiles profiles, ScoreStore scores, Outbox outbox, Clock clock, MeterRegistry meters) {
		this.profiles = profiles;
		this.scores = scores;
		this.outbox = outbox;
		this.clock = clock;
		this.meters = meters;
	}

	@Transactional
	void score(ListingIngested event) {
		Listing listing = event.listing();
		if (listing == null) {
			throw new IllegalArgumentException("ListingIngested " + event.eventId() + " of agency " + event.agencyId()
					+ " for " + event.jobKey() + " carries no listing");
		}
		ScoringProfile profile = this.profiles.current(event.agencyId());
		Instant now = this.clock.instant();
		Assessment assessment = ScoringModel.assess(listing, profile, now);
		if (!this.scores.save(event.agencyId(), event.jobKey(), event.version(), assessment, ScoringModel.VERSION,
				profile.version(), now, listing.closed() != null)) {
			log.info("Kept the newer score of agency {} job {}: version {} arrived after a later version",
					event.agencyId(), event.jobKey(), event.version());
			return;
		}
		this.outbox.append(Topics.LISTINGS_SCORED, scored(event, assessment, now));
		Counter.builder("bidstream.scoring.scored")
			.description("Listing versions scored, by decision")
			.tag("decision", assessment.decision().name())
			.register(this.meters)
			.increment();
		log.info("Scored agency {} job {} version {}: {} {}", event.agencyId(), event.jobKey(), event.version(),
				assessment.score(), assessment.decision());
	}

	private static ListingScored scored(ListingIngested event, Assessment assessment, Instant now) {
		Listing listing = event.listing();
		return new ListingScored(UUID.randomUUID(), now, event.agencyId(), event.jobKey(), ListingScored.SCHEMA_VERSION,
				event.version(), assessment.score(), assessment.decision(), assessment.segment(),
				assessment.budgetBand(), assessment.aiWork(), assessment.aiExposure(), assessment.signals(),
				assessment.redFlags(), ScoringModel.VERSION, listing.source(), listing.category(), listing.skills(),
				listing.postedAt(), event.firstIngestedAt(),
				(listing.closed() != null) ? listing.closed().result() : null, assessment.estimatedValue(),
				listing.proposals());
	}

}
