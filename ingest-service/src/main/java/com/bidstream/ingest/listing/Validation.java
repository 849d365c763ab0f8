package com.bidstream.ingest.listing;

import java.util.List;

import com.bidstream.contracts.Listing;

/**
 * The outcome of validating one item: a listing with the {@link ContentHash} of its
 * canonical JSON, or every rule it breaks.
 */
public record Validation(Listing listing, String contentHash, List<Violation> errors) {

	public Validation {
		errors = List.copyOf(errors);
	}

	static Validation valid(Listing listing, String contentHash) {
		return new Validation(listing, contentHash, List.of());
	}

	static Validation invalid(List<Violation> errors) {
		return new Validation(null, null, errors);
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

}
