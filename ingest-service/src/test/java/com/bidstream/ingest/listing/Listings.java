package com.bidstream.ingest.listing;

import tools.jackson.databind.node.ObjectNode;

import com.bidstream.contracts.EventCodec;

/**
 * Listing JSON for tests: the contract's example, to change one field at a time.
 */
final class Listings {

	static final String EXAMPLE = """
			{
			  "source": "upwork",
			  "externalId": "~021234567890",
			  "url": "https://www.upwork.com/jobs/~021234567890",
			  "title": "Spring Boot engineer for a Kafka pipeline",
			  "description": "We need ...",
			  "postedAt": "2026-11-22T09:15:00Z",
			  "category": "Web, Mobile & Software Dev",
			  "skills": ["Java", "Spring Boot", "Apache Kafka"],
			  "budget": {"type": "FIXED", "amount": 4000, "currency": "USD"},
			  "experienceLevel": "EXPERT",
			  "duration": "1 to 3 months",
			  "workload": "30+ hrs/week",
			  "proposals": 12,
			  "connectsRequired": 16,
			  "client": {
			    "paymentVerified": true, "country": "US", "totalSpent": 250000,
			    "totalHires": 48, "totalPostedJobs": 60, "rating": 4.9, "reviews": 41,
			    "memberSince": "2018-05-01", "companySize": "10-99"
			  },
			  "closed": {"result": "HIRED", "at": "2026-12-01T10:00:00Z"}
			}""";

	private Listings() {
	}

	static ObjectNode example() {
		return (ObjectNode) EventCodec.mapper().readTree(EXAMPLE);
	}

	/**
	 * Reads JSON as the intake reads a request body: decimals exactly, never as doubles.
	 */
	static ObjectNode json(String json) {
		return (ObjectNode) EventCodec.mapper()
			.reader()
			.with(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.readTree(json);
	}

}
