package com.bidstream.ingest.listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.bidstream.contracts.Listing;
import com.bidstream.platform.jdbc.KeyRounds;

/**
 * Splits the valid items of one request as if they had been posted one after another: an
 * item with the same content as the previous item of its jobKey in the batch is a
 * duplicate without asking the database; the others are written in rounds, each round
 * holding a jobKey at most once (so that one upsert statement can write it), in the order
 * the items came.
 */
public final class BatchPlan {

	private final List<List<Item>> rounds;

	private final List<Item> duplicates;

	private BatchPlan(List<List<Item>> rounds, List<Item> duplicates) {
		this.rounds = rounds;
		this.duplicates = duplicates;
	}

	public static BatchPlan of(List<Item> items) {
		List<Item> writes = new ArrayList<>();
		List<Item> duplicates = new ArrayList<>();
		Map<String, String> lastHash = new HashMap<>();
		for (Item item : items) {
			boolean repeat = item.contentHash().equals(lastHash.put(item.jobKey(), item.contentHash()));
			(repeat ? duplicates : writes).add(item);
		}
		return new BatchPlan(KeyRounds.of(writes, Item::jobKey).stream().map(List::copyOf).toList(),
				List.copyOf(duplicates));
	}

	/**
	 * The writes, round by round; a jobKey appears at most once per round.
	 */
	public List<List<Item>> rounds() {
		return this.rounds;
	}

	/**
	 * Items repeating the content their jobKey had just before in the same batch.
	 */
	public List<Item> duplicates() {
		return this.duplicates;
	}

	/**
	 * A valid item of the request: its position, identity and content.
	 */
	public record Item(int index, String jobKey, String contentHash, Listing listing) {

		public static Item of(int index, Validation valid) {
			return new Item(index, valid.listing().jobKey(), valid.contentHash(), valid.listing());
		}

	}

}
