package com.bidstream.ingest.intake;

import java.util.List;

import com.bidstream.ingest.listing.Violation;

/**
 * The answer to a listings post: how many items were accepted as new versions, how many
 * repeated content already held, and which were rejected and why.
 */
record IntakeReport(int accepted, int duplicates, List<Rejection> rejected) {

	IntakeReport {
		rejected = List.copyOf(rejected);
	}

	/**
	 * One rejected item, by its position in the request (0 for a single object).
	 */
	record Rejection(int index, List<Violation> errors) {

	}

}
