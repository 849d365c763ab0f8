package com.bidstream.scoring.scores;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.DatabaseFailures;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.scoring.model.Assessment;
import com.bidstream.scoring.model.Freelancer;
import com.bidstream.scoring.model.ScoringModel;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.profile.Profiles;
import com.bidstream.scoring.roster.Roster;
import com.bidstream.scoring.scores.ScoreStore.Facts;
import com.bidstream.scoring.scores.ScoreStore.NewScore;
import com.bidstream.scoring.scores.ScoreStore.Stored;

/**
 * {@code POST /api/v1/rescore}: scores an agency's stored listing versions again with its
 * current profile and roster. The work is a row in {@code rescores}, done {@value #BATCH}
 * scores a step: each step reads the next scores in jobKey order, stores and publishes
 * those whose score changed (a later {@code scoredAt} of the same version, which tracking
 * and reporting take as the newer score), and moves the row's cursor, all in one
 * transaction. A stop or a crash resumes from the cursor, so no score is published twice
 * for one step. A newer version stored meanwhile is never overwritten (the store keeps
 * the latest version). Steps run on the service's scheduler; several instances share the
 * work row by row ({@code for update skip locked}).
 */
@Service
class Rescores {

	static final int BATCH = 500;

	static final int STEPS_PER_TICK = 20;

	private static final Logger log = LoggerFactory.getLogger(Rescores.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ScoreStore scores;

	private final Profiles profiles;

	private final Roster roster;

	private final Outbox outbox;

	private final Clock clock;

	private final Counter rescored;

	Rescores(JdbcClient jdbc, TransactionTemplate transactions, ScoreStore scores, Profiles profiles, Roster roster,
			Outbox outbox, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.scores = scores;
		this.profiles = profiles;
		this.roster = roster;
		this.outbox = outbox;
		this.clock = clock;
		this.rescored = Counter.builder("bidstream.scoring.rescored")
			.description("Scores a rescore changed, stored and published again")
			.register(meters);
	}

	/**
	 * Starts a rescore of the agency, or answers the one already running.
	 */
	RescoreView start(String agencyId) {
		return this.transactions.execute((status) -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			int inserted = this.jdbc.sql("""
					insert into rescores (id, agency_id, status, total, requested_at)
					values (?, ?, 'RUNNING', ?, ?)
					on conflict (agency_id) where status = 'RUNNING' do nothing
					""")
				.params(UUID.randomUUID(), agencyId, this.scores.countRescorable(agencyId),
						java.sql.Timestamp.from(now))
				.update();
			RescoreView running = this.jdbc.sql(COLUMNS + "where agency_id = ? and status = 'RUNNING'")
				.param(agencyId)
				.query(Rescores::view)
				.single();
			if (inserted == 1) {
				log.info("Rescore {} of agency {} started: {} scores to read again", running.rescoreId(), agencyId,
						running.total());
			}
			return running;
		});
	}

	Optional<RescoreView> latest(String agencyId) {
		return this.jdbc.sql(COLUMNS + "where agency_id = ? order by requested_at desc limit 1")
			.param(agencyId)
			.query(Rescores::view)
			.optional();
	}

	Optional<RescoreView> find(String agencyId, UUID id) {
		return this.jdbc.sql(COLUMNS + "where agency_id = ? and id = ?")
			.params(agencyId, id)
			.query(Rescores::view)
			.optional();
	}

	/**
	 * One step of the oldest running rescore not taken by another instance; true when it
	 * did one.
	 */
	@Scheduled(fixedDelayString = "${bidstream.scoring.rescore-every:200ms}", initialDelay = 2_000)
	void stepQuietly() {
		try {
			// a step is one transaction of BATCH scores; the scheduler's thread is
			// shared, so
			// a tick does a bounded number of them
			for (int steps = 0; steps < STEPS_PER_TICK && step(); steps++) {
				// next step
			}
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.isUnreachable(ex)) {
				log.warn("A rescore step waits for the database: {}", ex.getMessage());
				return;
			}
			log.error("A rescore step failed", ex);
		}
	}

	boolean step() {
		Running[] taken = new Running[1];
		try {
			Boolean did = this.transactions.execute((status) -> {
				taken[0] = this.jdbc.sql("""
						select id, agency_id, coalesce(after_job_key, '') as after_job_key from rescores
						 where status = 'RUNNING' order by requested_at limit 1 for update skip locked
						""")
					.query((rs, row) -> new Running(rs.getObject("id", UUID.class), rs.getString("agency_id"),
							rs.getString("after_job_key")))
					.optional()
					.orElse(null);
				if (taken[0] == null) {
					return false;
				}
				stepOf(taken[0]);
				return true;
			});
			return Boolean.TRUE.equals(did);
		}
		catch (RuntimeException ex) {
			if (taken[0] == null || DatabaseFailures.isUnreachable(ex)) {
				throw ex;
			}
			// a failure of the work itself would fail every step alike: the rescore ends,
			// in a transaction of its own (the step's was rolled back)
			fail(taken[0], ex);
			return true;
		}
	}

	private void stepOf(Running running) {
		List<Stored> batch = this.scores.toRescore(running.agencyId(), running.after(), BATCH);
		Instant now = this.clock.instant();
		ScoringProfile profile = this.profiles.current(running.agencyId());
		List<Freelancer> roster = this.roster.active(running.agencyId());
		List<NewScore> changed = new ArrayList<>();
		int unreadable = 0;
		for (Stored stored : batch) {
			ListingIngested event = stored.event();
			if (event == null) {
				unreadable++;
				continue;
			}
			// as of the time the stored score was assessed as of (its first scoring's):
			// only the profile and the roster differ, so freshness (which moves with the
			// clock) changes nothing, however many rescores came before
			Assessment assessment = ScoringModel.assess(event.listing(), profile, roster, stored.assessedAsOf());
			if (!Facts.of(assessment).equals(stored.facts())) {
				changed.add(new NewScore(event, assessment, ScoringModel.VERSION, profile.version(), now,
						stored.assessedAsOf()));
			}
		}
		Set<String> saved = this.scores.saveAll(changed);
		List<ListingScored> published = changed.stream()
			.filter((score) -> saved.contains(score.key()))
			.map((score) -> ListingScorer.scored(score.event(), score.assessment(), now, true))
			.toList();
		this.outbox.appendAll(Topics.LISTINGS_SCORED, published);
		this.rescored.increment(published.size());
		boolean done = batch.size() < BATCH;
		this.jdbc.sql("""
				-- total was the agency's listings when it was asked for; listings that arrive
				-- while it runs (after its place in key order) are rescored too, and counted
				update rescores set processed = processed + ?, changed = changed + ?, after_job_key = ?,
				       total = greatest(total, processed + ?),
				       status = case when ? then 'DONE' else status end,
				       finished_at = case when ? then ? else finished_at end
				 where id = ?
				""")
			.params(batch.size(), published.size(),
					batch.isEmpty() ? running.after() : batch.get(batch.size() - 1).jobKey(), batch.size(), done, done,
					java.sql.Timestamp.from(now), running.id())
			.update();
		if (unreadable > 0) {
			log.warn("Rescore {} of agency {} stepped over {} stored listing versions that no longer read",
					running.id(), running.agencyId(), unreadable);
		}
		if (done) {
			log.info("Rescore {} of agency {} done", running.id(), running.agencyId());
		}
	}

	private void fail(Running running, RuntimeException ex) {
		log.error("Rescore {} of agency {} failed and stops", running.id(), running.agencyId(), ex);
		this.transactions.execute((status) -> this.jdbc
			.sql("update rescores set status = 'FAILED', finished_at = ?, error = ? where id = ?")
			.params(java.sql.Timestamp.from(this.clock.instant()),
					"Scoring a listing again failed; the service's log has the details", running.id())
			.update());
	}

	private record Running(UUID id, String agencyId, String after) {

	}

	private static final String COLUMNS = "select id, agency_id, status, total, processed, changed, requested_at, "
			+ "finished_at, error from rescores ";

	private static RescoreView view(ResultSet rs, int row) throws SQLException {
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new RescoreView(rs.getObject("id", UUID.class), rs.getString("agency_id"), rs.getString("status"),
				rs.getInt("total"), rs.getInt("processed"), rs.getInt("changed"),
				rs.getTimestamp("requested_at").toInstant(), (finished != null) ? finished.toInstant() : null,
				rs.getString("error"));
	}

}
