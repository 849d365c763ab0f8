package com.bidstream.ingest.listing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTests {

	final ListingValidator validator = new ListingValidator(
			Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC));

	@Test
	void theSameContentWrittenDifferentlyHasTheSameHash() {
		ObjectNode rewritten = Listings.json("""
				{"unknown": "ignored", "title": "Spring Boot engineer for a Kafka pipeline",
				 "externalId": "~021234567890", "source": "upwork",
				 "url": "https://www.upwork.com/jobs/~021234567890", "description": "We need ...",
				 "postedAt": "2026-11-22T10:15:00+01:00", "category": "Web, Mobile & Software Dev",
				 "skills": ["Java", "Spring Boot", "Apache Kafka"],
				 "budget": {"currency": "USD", "amount": 4000.00, "type": "FIXED"},
				 "experienceLevel": "EXPERT", "duration": "1 to 3 months", "workload": "30+ hrs/week",
				 "proposals": 12, "connectsRequired": 16.0,
				 "client": {"companySize": "10-99", "paymentVerified": true, "country": "US", "totalSpent": 2.5e5,
				   "totalHires": 48, "totalPostedJobs": 60, "rating": 4.90, "reviews": 41, "memberSince": "2018-05-01"},
				 "closed": {"at": "2026-12-01T10:00:00.000Z", "result": "HIRED"}}""");

		assertThat(hash(rewritten)).isEqualTo(hash(Listings.example()));
	}

	@Test
	void moreProposalsOrAClosedListingIsNewContent() {
		ObjectNode moreProposals = Listings.example().put("proposals", 13);
		ObjectNode open = Listings.example();
		open.remove("closed");

		assertThat(hash(moreProposals)).isNotEqualTo(hash(Listings.example()));
		assertThat(hash(open)).isNotEqualTo(hash(Listings.example()));
	}

	/**
	 * The hash the validator gives, which must be the hash of the listing it gives.
	 */
	private String hash(ObjectNode json) {
		Validation validation = this.validator.validate(json);
		assertThat(validation.contentHash()).isEqualTo(ContentHash.of(validation.listing()));
		return validation.contentHash();
	}

}
