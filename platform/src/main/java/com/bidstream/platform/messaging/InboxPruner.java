package com.bidstream.platform.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Forgets inbox records older than {@code bidstream.messaging.inbox-retention} once an
 * hour, so the table does not grow forever. The retention must exceed how long a message
 * can still be redelivered (the topics' retention, 7 days by default): the default is 14
 * days.
 */
public class InboxPruner implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InboxPruner.class);

	private static final Duration EVERY = Duration.ofHours(1);

	private final JdbcTemplate jdbc;

	private final Duration retention;

	private ScheduledExecutorService scheduler;

	public InboxPruner(JdbcTemplate jdbc, Duration retention) {
		this.jdbc = jdbc;
		this.retention = retention;
	}

	/**
	 * Deletes the inbox records older than the retention.
	 * @return how many were deleted
	 */
	public int prune() {
		int deleted = this.jdbc.update("delete from inbox where received_at < now() - make_interval(secs => ?)",
				(double) this.retention.toSeconds());
		if (deleted > 0) {
			log.info("Forgot {} inbox records older than {} days", deleted, this.retention.toDays());
		}
		return deleted;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "inbox-pruner");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::pruneQuietly, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
	}

	private void pruneQuietly() {
		try {
			prune();
		}
		catch (RuntimeException ex) {
			log.warn("Could not prune the inbox ({}); trying again in {} minutes", ex.getMessage(), EVERY.toMinutes());
		}
	}

	@Override
	public void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
