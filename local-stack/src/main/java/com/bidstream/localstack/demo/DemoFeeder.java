package com.bidstream.localstack.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.localstack.Console;

/**
 * {@code ./bidstream up --demo}: once everything is UP, puts the demo's freelancers on
 * the rosters of the agencies {@code demo} and {@code acme} ({@link DemoRoster}), posts
 * small batches of synthetic listings for them every few seconds, advances their
 * pursuits, and prints a one-line summary every 30 seconds. Only the public HTTP APIs are
 * used.
 */
public final class DemoFeeder {

	private static final Logger log = LoggerFactory.getLogger(DemoFeeder.class);

	private static final List<String> KEYS = List.of("dev-demo-key", "dev-acme-key");

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bidstream-demo");
		thread.setDaemon(true);
		return thread;
	});

	private final DemoClient client = new DemoClient();

	private final Random random = new Random();

	private final DemoStats stats = new DemoStats();

	private final SyntheticListings demoListings;

	private final SyntheticListings acmeListings;

	private final String ingestUrl;

	private final PursuitMover mover;

	private final DemoRoster roster;

	private boolean rostered;

	private final Console console;

	private DemoFeeder(String ingestUrl, String scoringUrl, String trackingUrl, Console console) {
		this.ingestUrl = ingestUrl;
		DemoOutcomes outcomes = new DemoOutcomes();
		this.mover = new PursuitMover(this.client, scoringUrl, trackingUrl, this.random, this.stats, outcomes);
		this.demoListings = new SyntheticListings(this.random, this.stats, outcomes);
		this.acmeListings = new SyntheticListings(this.random, this.stats, outcomes);
		this.roster = new DemoRoster(this.client, scoringUrl);
		this.console = console;
	}

	public static DemoFeeder start(String ingestUrl, String scoringUrl, String trackingUrl, Console console) {
		DemoFeeder feeder = new DemoFeeder(ingestUrl, scoringUrl, trackingUrl, console);
		feeder.scheduler.scheduleWithFixedDelay(feeder.guarded(feeder::postBatch), 0, 4, TimeUnit.SECONDS);
		feeder.scheduler.scheduleWithFixedDelay(feeder.guarded(feeder::advancePursuits), 3, 5, TimeUnit.SECONDS);
		feeder.scheduler.scheduleAtFixedRate(() -> console.line(feeder.stats.drainSummary()), 30, 30, TimeUnit.SECONDS);
		return feeder;
	}

	public void stop() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Runnable guarded(Runnable task) {
		// a failure must not cancel the schedule: the demo goes on with the next tick
		return () -> {
			try {
				task.run();
			}
			catch (RuntimeException ex) {
				this.stats.increment("failed");
				log.warn("Demo step failed: {}", ex.toString());
			}
		};
	}

	private void postBatch() {
		if (!this.rostered) {
			// once: the freelancers first, so that the listings are matched against them
			this.rostered = KEYS.stream().map(this.roster::ensure).reduce(true, Boolean::logicalAnd);
			if (!this.rostered) {
				this.stats.increment("failed");
			}
		}
		boolean demo = this.random.nextInt(5) < 3;
		SyntheticListings source = demo ? this.demoListings : this.acmeListings;
		List<Listing> batch = new ArrayList<>();
		int size = 2 + this.random.nextInt(5);
		for (int i = 0; i < size; i++) {
			batch.add(source.next());
		}
		DemoClient.Reply reply = this.client.post(this.ingestUrl + "/api/v1/listings", KEYS.get(demo ? 0 : 1), batch);
		if (!reply.ok()) {
			this.stats.increment("failed");
			return;
		}
		JsonNode answer = EventCodec.mapper().readTree(reply.body());
		this.stats.add("listings", answer.path("accepted").asInt(0));
		this.stats.add("redFlags", batch.stream().filter(SyntheticListings::isRedFlagged).count());
	}

	private void advancePursuits() {
		for (String key : KEYS) {
			this.mover.advance(key);
		}
	}

}
