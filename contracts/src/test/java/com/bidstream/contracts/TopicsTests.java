package com.bidstream.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTests {

	@Test
	void topicNamesAreTheContractsFixedNames() {
		assertThat(Topics.ALL).containsExactly("listings.ingested", "listings.scored", "pursuits.events");
	}

	@Test
	void deadLetterTopicIsNamedAfterTheTopicAndTheConsumerGroup() {
		assertThat(Topics.deadLetter(Topics.LISTINGS_INGESTED, "scoring")).isEqualTo("error.listings.ingested.scoring");
	}

	@Test
	void recordKeyJoinsAgencyAndJobKey() {
		assertThat(Topics.key("demo", "upwork:~02")).isEqualTo("demo|upwork:~02");
	}

}
