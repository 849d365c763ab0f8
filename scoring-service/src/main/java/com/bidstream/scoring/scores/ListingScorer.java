package com.bidstream.scoring.scores;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.contracts.EventIds;
import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.KeyRounds;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.scoring.model.Assessment;
import com.bidstream.scoring.model.Freelancer;
import com.bidstream.scoring.model.ScoringModel;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.profile.Profiles;
import com.bidstream.scoring.roster.Roster;
import com.bidstream.scoring.scores.ScoreStore.NewScore;

/**
 * Scores each ingested listing version with its agency's profile, stores the score and
 * emits {@link ListingScored} in the same transaction, a poll batch at a time. A version
 * older than the stored score is left alone and not emitted.
 */
@Service
class ListingScorer {

	private static final Logger log = LoggerFactory.getLogger(ListingScorer.class);

	private final Profiles profiles;

	private final Roster roster;

	private final ScoreStore scores;

	private final Outbox outbox;

	private final Clock clock;

	private final Map<Decision, Counter> scoredByDecision = new EnumMap<>(Decision.class);

	ListingScorer(Profiles profiles, Roster roster, ScoreStore scores, Outbox outbox, Clock clock,
			MeterRegistry meters) {
		this.profiles = profiles;
		this.roster = roster;
		this.scores = scores;
		this.outbox = outbox;
		this.clock = clock;
		for (Decision decision : Decision.values()) {
			this.scoredByDecision.put(decision,
					Counter.builder("bidstream.scoring.scored")
						.description("Listing versions scored, by decision")
						.tag("decision", decision.name())
						.register(meters));
		}
	}

	/**
	 * Scores a batch: one profile and one roster read per agency, the scores stored in
	 * one statement per {@link KeyRounds round} (one, unless the batch holds several
	 * versions of a listing), the events appended in one.
	 */
	@Transactional
	void scoreAll(List<ListingIngested> events) {
		Instant now = this.clock.instant();
		Map<String, ScoringProfile> profiles = new HashMap<>();
		Map<String, List<Freelancer>> rosters = new HashMap<>();
		List<ListingScored> scored = new ArrayList<>(events.size());
		for (List<ListingIngested> round : KeyRounds.of(events, ListingIngested::key)) {
			List<NewScore> scores = new ArrayList<>(round.size());
			for (ListingIngested event : round) {
				ScoringProfile profile = profiles.computeIfAbsent(event.agencyId(), this.profiles::current);
				List<Freelancer> roster = rosters.computeIfAbsent(event.agencyId(), this.roster::active);
				scores.add(new NewScore(event, ScoringModel.assess(event.listing(), profile, roster, now),
						ScoringModel.VERSION, profile.version(), now, now));
			}
			Set<String> stored = this.scores.saveAll(scores);
			for (NewScore score : scores) {
				if (stored.contains(score.key())) {
					scored.add(scored(score.event(), score.assessment(), now, false));
					this.scoredByDecision.get(score.assessment().decision()).increment();
				}
				else {
					log.debug("Kept the newer score of agency {} job {}: version {} arrived after a later version",
							score.event().agencyId(), score.event().jobKey(), score.event().version());
				}
			}
		}
		this.outbox.appendAll(Topics.LISTINGS_SCORED, scored);
	}

	static ListingScored scored(ListingIngested event, Assessment assessment, Instant now, boolean rescored) {
		Listing listing = event.listing();
		return new ListingScored(EventIds.timeOrdered(now), now, event.agencyId(), event.jobKey(),
				ListingScored.SCHEMA_VERSION, event.version(), assessment.score(), assessment.decision(),
				assessment.segment(), assessment.budgetBand(), assessment.aiWork(), assessment.aiExposure(),
				assessment.signals(), assessment.redFlags(), ScoringModel.VERSION, listing.source(), listing.category(),
				listing.skills(), listing.postedAt(), event.firstIngestedAt(),
				(listing.closed() != null) ? listing.closed().result() : null, assessment.estimatedValue(),
				listing.proposals(), rescored ? Boolean.TRUE : null);
	}

}
