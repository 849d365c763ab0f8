package com.bidstream.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;
import com.bidstream.localstack.demo.SyntheticListings;

/**
 * The demo's realistic listings, each made distinct for the bench: its own source (one
 * per run and step, so that earlier runs never count) and a numbered external id. One
 * generator per thread: it is not thread-safe.
 */
final class ListingBatches {

	private final SyntheticListings listings;

	private final String source;

	ListingBatches(String source, long seed) {
		this.listings = new SyntheticListings(new Random(seed));
		this.source = source;
	}

	/**
	 * Listings number {@code first} to {@code first + count - 1}, as the JSON array that
	 * {@code POST /api/v1/listings} takes.
	 */
	byte[] batch(long first, int count) {
		List<Listing> batch = new ArrayList<>(count);
		for (long n = first; n < first + count; n++) {
			batch.add(listing(n));
		}
		return EventCodec.toBytes(batch);
	}

	Listing listing(long number) {
		Listing l = this.listings.next();
		String externalId = externalId(number);
		return new Listing(this.source, externalId, "https://www.upwork.com/jobs/" + externalId, l.title(),
				l.description(), l.postedAt(), l.category(), l.skills(), l.budget(), l.experienceLevel(), l.duration(),
				l.workload(), l.proposals(), l.connectsRequired(), l.client(), l.closed());
	}

	String jobKey(long number) {
		return this.source + ":" + externalId(number);
	}

	private static String externalId(long number) {
		return "~02bench" + number;
	}

}
