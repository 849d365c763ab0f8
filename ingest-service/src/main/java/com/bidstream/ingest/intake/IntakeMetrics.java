package com.bidstream.ingest.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code bidstream.ingest.listings}, tagged {@code result=accepted|duplicate|rejected}:
 * how many posted items ended each way.
 */
final class IntakeMetrics {

	private final Counter accepted;

	private final Counter duplicates;

	private final Counter rejected;

	IntakeMetrics(MeterRegistry meters) {
		this.accepted = counter(meters, "accepted");
		this.duplicates = counter(meters, "duplicate");
		this.rejected = counter(meters, "rejected");
	}

	void count(IntakeReport report) {
		this.accepted.increment(report.accepted());
		this.duplicates.increment(report.duplicates());
		this.rejected.increment(report.rejected().size());
	}

	private static Counter counter(MeterRegistry meters, String result) {
		return Counter.builder("bidstream.ingest.listings")
			.description("Posted listing items by result")
			.tag("result", result)
			.register(meters);
	}

}
