package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets inbox records older than {@code bidstream.messaging.inbox-retention} once an
 * hour, so the table does not grow forever. The retention must exceed how long a message
 * can still be redelivered (the topics' retention, 7 days by default): the default is 14
 * days. Deletes go by the {@code received_at} index in chunks of {@link #CHUNK}, each its
 * own short statement, so that a large backlog neither holds locks for long nor builds
 * one huge transaction.
 */
public class InboxPruner {

	static final int CHUNK = 5_000;

	private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);

	private static final Duration EVERY = Duration.ofHours(1);

	private static final String DELETE_CHUNK = """
			delete from inbox where ctid = any(array(
			    select ctid from inbox where received_at < ? order by received_at limit ?))""";

	private final JdbcTemplate jdbc;

	private final Duration retention;

	private final int chunk;

	public InboxPruner(JdbcTemplate jdbc, Duration retention) {
		this(jdbc, retention, CHUNK);
	}

	InboxPruner(JdbcTemplate jdbc, Duration retention, int chunk) {
		this.jdbc = jdbc;
		this.retention = retention;
		this.chunk = chunk;
	}

	/**
	 * Deletes the inbox records older than the retention, a chunk at a time.
	 * @return how many were deleted
	 */
	public int prune() {
		// the database's clock stamped received_at, so it draws the line too
		OffsetDateTime cutoff = this.jdbc.queryForObject("select now() - make_interval(secs => ?)",
				OffsetDateTime.class, (double) this.retention.toSeconds());
		int total = 0;
		int deleted;
		do {
			deleted = pruneChunk(cutoff);
			total += deleted;
		}
		while (deleted == this.chunk);
		if (total > 0) {
			log.info("Forgot {} inbox records older than {} days", total, this.retention.toDays());
		}
		return total;
	}

	/**
	 * Deletes at most one chunk of the records received before the cutoff, oldest first.
	 */
	int pruneChunk(OffsetDateTime cutoff) {
		return this.jdbc.update(DELETE_CHUNK, cutoff, this.chunk);
	}

	@Scheduled(initialDelay = 1, fixedDelay = 60, timeUnit = TimeUnit.MINUTES)
	void pruneQuietly() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			log.warn("Could not prune the inbox ({}); trying again in {} minutes", ex.getMessage(), EVERY.toMinutes());
		}
	}

}
