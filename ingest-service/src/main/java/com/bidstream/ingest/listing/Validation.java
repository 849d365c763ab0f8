package com.bidstream.ingest.listing;

import java.util.List;

import com.bidstream.contracts.Listing;

/**
 * The outcome of validating one item: a listing, or every rule it breaks.
 */
public record Validation(Listing listing, List<Violation> errors) {

	public Validation {
		errors = List.copyOf(errors);
	}

	static Validation valid(Listing listing) {
		return new Validation(listing, List.of());
	}

	static Validation invalid(List<Violation> errors) {
		return new Validation(null, errors);
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

}
