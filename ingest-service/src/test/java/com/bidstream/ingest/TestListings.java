package com.bidstream.ingest;

/**
 * The contract's example listing, with the externalId and proposals of a test.
 */
final class TestListings {

	private TestListings() {
	}

	static String listing(String externalId, int proposals) {
		return """
				{"source": "upwork", "externalId": "%s", "url": "https://www.upwork.com/jobs/%s",
				 "title": "Spring Boot engineer for a Kafka pipeline", "description": "We need ...",
				 "postedAt": "2026-11-22T09:15:00Z", "category": "Web, Mobile & Software Dev",
				 "skills": ["Java", "Spring Boot", "Apache Kafka"],
				 "budget": {"type": "FIXED", "amount": 4000, "currency": "USD"},
				 "experienceLevel": "EXPERT", "duration": "1 to 3 months", "workload": "30+ hrs/week",
				 "proposals": %d, "connectsRequired": 16,
				 "client": {"paymentVerified": true, "country": "US", "totalSpent": 250000, "totalHires": 48,
				   "totalPostedJobs": 60, "rating": 4.9, "reviews": 41, "memberSince": "2018-05-01",
				   "companySize": "10-99"},
				 "closed": {"result": "HIRED", "at": "2026-12-01T10:00:00Z"}}""".formatted(externalId, externalId,
				proposals);
	}

}
