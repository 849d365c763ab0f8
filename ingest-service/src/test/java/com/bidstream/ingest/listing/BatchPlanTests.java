package com.bidstream.ingest.listing;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.ingest.listing.BatchPlan.Item;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTests {

	@Test
	void differentListingsAreWrittenInOneRound() {
		BatchPlan plan = BatchPlan.of(List.of(item(0, "upwork:a", "h1"), item(1, "upwork:b", "h1")));

		assertThat(plan.rounds()).singleElement().satisfies((round) -> assertThat(round).hasSize(2));
		assertThat(plan.duplicates()).isEmpty();
	}

	@Test
	void theSameContentRepeatedInABatchIsADuplicate() {
		BatchPlan plan = BatchPlan
			.of(List.of(item(0, "upwork:a", "h1"), item(1, "upwork:b", "h2"), item(2, "upwork:a", "h1")));

		assertThat(plan.duplicates()).extracting(Item::index).containsExactly(2);
		assertThat(plan.rounds()).singleElement()
			.satisfies((round) -> assertThat(round).extracting(Item::index).containsExactly(0, 1));
	}

	@Test
	void changedContentOfOneListingInABatchIsWrittenInOrderOneRoundEach() {
		BatchPlan plan = BatchPlan.of(List.of(item(0, "upwork:a", "h1"), item(1, "upwork:a", "h2"),
				item(2, "upwork:b", "h1"), item(3, "upwork:a", "h1")));

		assertThat(plan.duplicates()).isEmpty();
		assertThat(plan.rounds()).hasSize(3);
		assertThat(plan.rounds().get(0)).extracting(Item::index).containsExactly(0, 2);
		assertThat(plan.rounds().get(1)).extracting(Item::index).containsExactly(1);
		assertThat(plan.rounds().get(2)).extracting(Item::index).containsExactly(3);
	}

	private static Item item(int index, String jobKey, String hash) {
		return new Item(index, jobKey, hash, null);
	}

}
