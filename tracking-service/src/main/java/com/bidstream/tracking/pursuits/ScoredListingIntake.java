package com.bidstream.tracking.pursuits;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.jdbc.KeyRounds;
import com.bidstream.tracking.pursuits.FunnelRecorder.Step;

/**
 * Turns every scored listing into a pursuit of its agency, whatever the decision, and
 * queues the ones worth pursuing. Scores may arrive late and more than once: an older
 * score than the one held changes nothing. A poll batch at a time.
 */
@Service
class ScoredListingIntake {

	private static final Logger log = LoggerFactory.getLogger(ScoredListingIntake.class);

	private static final int MAX_KEY_LENGTH = 300;

	private final PursuitStore store;

	private final FunnelRecorder recorder;

	private final Clock clock;

	ScoredListingIntake(PursuitStore store, FunnelRecorder recorder, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.recorder = recorder;
	}

	/**
	 * Applies a batch of scores: the pursuits created, locked and re-scored with one
	 * statement each per {@link KeyRounds round}, and the new {@code PURSUE} ones queued
	 * together.
	 */
	@Transactional
	public void applyAll(List<ListingScored> batch) {
		batch.forEach(ScoredListingIntake::requireUsable);
		Instant now = this.clock.instant();
		for (List<ListingScored> round : KeyRounds.of(batch, ListingScored::key)) {
			Set<String> created = this.store.createAllIfAbsent(round, now);
			Map<String, Pursuit> pursuits = this.store.lockAll(round);
			List<ListingScored> rescored = new ArrayList<>();
			List<Step> queued = new ArrayList<>();
			for (ListingScored scored : round) {
				Pursuit pursuit = pursuits.get(scored.key());
				if (!created.contains(scored.key())) {
					if (!pursuit.isOlderScoreThan(scored.version(), scored.occurredAt())) {
						log.debug("Ignored score version {} of {} (agency {}): version {} is already applied",
								scored.version(), scored.jobKey(), scored.agencyId(), pursuit.scoreVersion());
						continue;
					}
					rescored.add(scored);
				}
				if (scored.decision() == Decision.PURSUE && pursuit.stage() == Stage.NEW && !pursuit.state().closed()) {
					queued.add(new Step(pursuit, EventCommand.queue(queueEventId(scored), scored.occurredAt())));
				}
			}
			this.store.updateScores(rescored, now);
			this.recorder.recordAll(queued);
		}
	}

	/**
	 * The same score always queues with the same event id, so that no replay can make a
	 * second QUEUE.
	 */
	private static UUID queueEventId(ListingScored scored) {
		return UUID.nameUUIDFromBytes(("queue:" + scored.eventId()).getBytes(StandardCharsets.UTF_8));
	}

	private static void requireUsable(ListingScored scored) {
		if (scored.decision() == null) {
			throw new IllegalArgumentException("ListingScored " + scored.eventId() + " has no decision");
		}
		if (scored.jobKey().isBlank() || scored.jobKey().length() > MAX_KEY_LENGTH || scored.agencyId().isBlank()
				|| scored.agencyId().length() > EventRequestReader.MAX_ID_LENGTH) {
			throw new IllegalArgumentException(
					"ListingScored " + scored.eventId() + " has an unusable agency or jobKey");
		}
	}

}
