package com.bidstream.ingest.intake;

import java.util.List;

import com.bidstream.ingest.listing.Violation;

/**
 * What {@link ListingIntake} made of a list of candidates: how many were accepted as new
 * versions, how many repeated content already held, and which were rejected and why.
 */
public record IntakeReport(int accepted, int duplicates, List<Rejection> rejected) {

	public IntakeReport {
		rejected = List.copyOf(rejected);
	}

	/**
	 * One rejected candidate, by its {@link ListingCandidate#position() position}.
	 */
	public record Rejection(long position, List<Violation> errors) {

		public Rejection {
			errors = List.copyOf(errors);
		}

	}

}
