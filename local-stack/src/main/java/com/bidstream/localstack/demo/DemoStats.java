package com.bidstream.localstack.demo;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the demo did since the last summary, by name ({@code listings}, {@code HIRED}...).
 */
final class DemoStats {

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	void add(String name, long amount) {
		this.counts.computeIfAbsent(name, (key) -> new LongAdder()).add(amount);
	}

	void increment(String name) {
		add(name, 1);
	}

	/**
	 * One line of the counts so far, then starts counting again.
	 */
	String drainSummary() {
		Map<String, Long> now = new TreeMap<>();
		this.counts.forEach((name, count) -> now.put(name, count.sumThenReset()));
		long listings = now.getOrDefault("listings", 0L);
		long updates = now.getOrDefault("updates", 0L);
		long redFlags = now.getOrDefault("redFlags", 0L);
		long failed = now.getOrDefault("failed", 0L);
		StringBuilder events = new StringBuilder();
		for (String type : new String[] { "CLAIM", "PROPOSAL_SENT", "VIEWED", "REPLIED", "INTERVIEW", "HIRED",
				"LOST" }) {
			events.append(String.format(Locale.ROOT, " %s %d,", type, now.getOrDefault(type, 0L)));
		}
		return String.format(Locale.ROOT,
				"demo: last 30 s: %d listings sent (%d updates, %d red-flag), pursuit events:%s calls failed %d",
				listings, updates, redFlags, events, failed);
	}

}
