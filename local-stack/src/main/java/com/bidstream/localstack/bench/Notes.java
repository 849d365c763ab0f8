package com.bidstream.localstack.bench;

import java.util.List;

/**
 * What each figure measures, printed under the table and kept in the JSON, so that a
 * number is never read as more than it is.
 */
final class Notes {

	static final String TO_SCORED = "scoring's scoredAt of one listing per batch minus the moment the client "
			+ "received that batch's 202 (same machine, same clock)";

	static final String TO_TRACKED = "tracking's createdAt of the same listing's pursuit (when it applied the "
			+ "listing's first score) minus the same 202";

	static final String TO_COUNTED = "first funnel poll (every " + SteadyLatencyStep.POLL_MILLIS
			+ " ms) whose scored count includes the n-th acknowledged listing, minus that listing's 202; "
			+ "exact if the pipeline is first-in first-out, and the poll interval can only overstate it";

	static final String TIMERS = "the services' bidstream.events.latency timer: from the event's occurredAt "
			+ "(written by its producer) to applied by the consumer; Micrometer's percentiles over its last "
			+ "~2 minutes (so the end of the throughput step too), n = every event since the service started";

	static final List<String> ALL = List.of(
			"Ratios matter, not absolute figures: the machine is shared, and the bench's clients run on it too.",
			"Latency: 202 -> scored is " + TO_SCORED + ".", "Latency: 202 -> tracked is " + TO_TRACKED + ".",
			"Latency: 202 -> counted is " + TO_COUNTED + ".", "Latency: timer rows are " + TIMERS + ".",
			"On listings.ingested: from the first POST to the moment the bench's consumer read the last of the "
					+ "step's listings from the topic (acks=all, so stored on the broker); the REST and the import "
					+ "rows count only what ingest accepted.",
			"Import: from the POST (the upload and its spooling included) to the status DONE polled every "
					+ "250 ms, and to its last listing read from the topic; scoring, tracking "
					+ "and reporting work through its listings meanwhile, on the same cores.",
			"Ingest alone: the REST and import steps again with the consumers of scoring, tracking and "
					+ "reporting paused (their bindings, through the actuator; resumed after), as if they ran on "
					+ "machines of their own; Kafka, PostgreSQL and the bench's clients share the two cores with "
					+ "ingest as before.",
			"Peak RSS: the JVM's VmHWM; postgres adds its server processes' PSS, sampled every 2 s. "
					+ "CPU: user + system seconds per step, a process with everything it started.");

	private Notes() {
	}

}
