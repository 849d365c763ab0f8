package com.bidstream.ingest.feeds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import com.bidstream.ingest.intake.IntakeReport;
import com.bidstream.ingest.intake.ListingCandidate;
import com.bidstream.ingest.intake.ListingIntake;

/**
 * Polls the due feeds: claims them (a lease in the database, so two instances never poll
 * one feed), reads each on a worker and hands its items to the intake, 1,000 at a time. A
 * failure is recorded on its feed and pushes its next poll back exponentially (doubling
 * from {@code backoff-initial} up to {@code backoff-max}); it never stops the other
 * feeds.
 */
@Component
class FeedPoller implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	static final int CHUNK = 1_000;

	private final Feeds feeds;

	private final FeedReader reader;

	private final ListingIntake intake;

	private final ExponentialBackOff backOff;

	private final Duration lease;

	private final int workers;

	private final Semaphore free;

	private final ExecutorService pool;

	private final Counter polls;

	private final Counter failures;

	private final Clock clock;

	FeedPoller(Feeds feeds, FeedReader reader, ListingIntake intake,
			@Value("${bidstream.ingest.feeds.workers:2}") int workers,
			@Value("${bidstream.ingest.feeds.backoff-initial:30s}") Duration backoffInitial,
			@Value("${bidstream.ingest.feeds.backoff-max:1h}") Duration backoffMax,
			@Value("${bidstream.ingest.feeds.lease:2m}") Duration lease, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.feeds = feeds;
		this.reader = reader;
		this.intake = intake;
		this.backOff = new ExponentialBackOff(backoffInitial.toMillis(), 2.0);
		this.backOff.setMaxInterval(backoffMax.toMillis());
		this.lease = lease;
		this.workers = workers;
		this.free = new Semaphore(workers);
		this.pool = Executors.newFixedThreadPool(workers, (task) -> {
			Thread thread = new Thread(task, "feed-poller");
			thread.setDaemon(true);
			return thread;
		});
		this.polls = Counter.builder("bidstream.ingest.feeds.polls").tag("result", "ok").register(meters);
		this.failures = Counter.builder("bidstream.ingest.feeds.polls").tag("result", "failed").register(meters);
	}

	@Scheduled(fixedDelayString = "${bidstream.ingest.feeds.check-every:1s}", initialDelay = 2_000)
	void pollDue() {
		int slots = this.free.availablePermits();
		if (slots == 0) {
			return;
		}
		List<Feed> due;
		try {
			due = this.feeds.claimDue(slots, this.lease);
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for due feeds: {}", ex.toString());
			return;
		}
		for (Feed feed : due) {
			this.free.acquireUninterruptibly();
			this.pool.execute(() -> {
				try {
					poll(feed);
				}
				finally {
					this.free.release();
				}
			});
		}
	}

	void poll(Feed feed) {
		Instant now = this.clock.instant();
		try {
			List<JsonNode> items = this.reader.read(feed);
			long accepted = 0;
			ItemRejections rejections = new ItemRejections();
			for (int from = 0; from < items.size(); from += CHUNK) {
				List<ListingCandidate> candidates = new ArrayList<>();
				for (int i = from; i < Math.min(items.size(), from + CHUNK); i++) {
					candidates.add(new ListingCandidate(items.get(i), i));
				}
				IntakeReport report = this.intake.submit(feed.agency(), candidates);
				accepted += report.accepted();
				rejections.add(report, candidates.size());
			}
			if (rejections.everyItem()) {
				throw new FeedException("No item was taken: " + rejections.problem());
			}
			this.feeds.polled(feed.id(), accepted, rejections.problem(), feed.nextPollAt(),
					now.plusSeconds(feed.pollSeconds()));
			this.polls.increment();
			log.debug("Feed {} polled: {} items, {} new versions, {} rejected", feed.id(), items.size(), accepted,
					rejections.rejected());
		}
		catch (RuntimeException ex) {
			String error = (ex instanceof FeedException) ? ex.getMessage() : "The poll failed unexpectedly";
			Duration wait = backOffAfter(feed.consecutiveFailures() + 1);
			log.warn("Feed {} of agency {} failed ({} in a row), next poll in {}: {}", feed.id(), feed.agency(),
					feed.consecutiveFailures() + 1, wait, (ex instanceof FeedException) ? ex.getMessage() : ex);
			this.failures.increment();
			try {
				this.feeds.failed(feed.id(), error, feed.nextPollAt(), now.plus(wait));
			}
			catch (RuntimeException again) {
				log.warn("Could not record the failure of feed {}; its lease runs out on its own", feed.id());
			}
		}
	}

	/**
	 * The wait after the n-th failure in a row, as the declared back-off gives it.
	 */
	Duration backOffAfter(int failuresInARow) {
		BackOffExecution execution = this.backOff.start();
		long wait = 0;
		for (int i = 0; i < failuresInARow; i++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait);
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

}
