package com.bidstream.ingest.feeds;

/**
 * Realistic feed payloads for the tests.
 */
public final class FeedPayloads {

	private FeedPayloads() {
	}

	public static String upworkRss(String ciphertext1, String ciphertext2) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
				<channel><title>All jobs | upwork.com</title><link>https://www.upwork.com/ab/feed/jobs/rss</link>
				<item>
				  <title><![CDATA[Spring Boot engineer for a Kafka pipeline - Upwork]]></title>
				  <link>https://www.upwork.com/jobs/Spring-Boot-engineer-for-Kafka-pipeline_%%7E%s?source=rss</link>
				  <description><![CDATA[We need a Kafka &amp; Spring expert.<br /><br /><b>Budget</b>: $4,000
				<br /><b>Posted On</b>: November 22, 2026 09:15 UTC<br /><b>Category</b>: Web, Mobile &amp; Software Dev
				<br /><b>Skills</b>:Java,     Spring Boot,     Apache Kafka
				<br /><b>Country</b>: United States
				<br /><a href="https://www.upwork.com/jobs/Spring_%%7E%s?source=rss">click to apply</a>
				]]></description>
				  <pubDate>Sun, 22 Nov 2026 09:15:00 +0000</pubDate>
				  <guid>https://www.upwork.com/jobs/Spring_%%7E%s?source=rss</guid>
				</item>
				<item>
				  <title><![CDATA[Hourly Python scraper - Upwork]]></title>
				  <link>https://www.upwork.com/jobs/Hourly-Python-scraper_%%7E%s?source=rss</link>
				  <description><![CDATA[Scrape things.<br /><b>Hourly Range</b>: $15.00-$40.00
				<br /><b>Posted On</b>: November 21, 2026 18:02 UTC<br /><b>Category</b>: Scripts &amp; Utilities
				<br /><b>Country</b>: India
				]]></description>
				  <pubDate>Sat, 21 Nov 2026 18:02:00 +0000</pubDate>
				</item>
				</channel></rss>""".formatted(ciphertext1, ciphertext1, ciphertext1, ciphertext2);
	}

	public static String atom(String id) {
		return """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <title>Jobs</title>
				  <entry>
				    <title>Data engineer (Atom)</title>
				    <link rel="alternate" href="https://jobs.example.com/view/%s"/>
				    <id>urn:uuid:%s</id>
				    <updated>2026-11-20T10:00:00Z</updated>
				    <summary type="html">&lt;p&gt;Build &lt;b&gt;pipelines&lt;/b&gt;&lt;/p&gt;</summary>
				  </entry>
				</feed>""".formatted(id, id);
	}

	public static String upworkGraphql(String ciphertext) {
		return """
				{"data": {"marketplaceJobPostingsSearch": {"totalCount": 2, "edges": [
				  {"node": {"ciphertext": "%s", "title": "Kafka Streams consultant",
				    "description": "Help us tune Kafka Streams", "publishedDateTime": "2026-11-22T08:00:00.000Z",
				    "amount": {"rawValue": "1500.0", "currency": "USD", "displayValue": "$1,500.00"},
				    "hourlyBudgetMin": null, "hourlyBudgetMax": {"rawValue": "0.0", "currency": "USD"},
				    "experienceLevel": "EXPERT", "duration": "1 to 3 months",
				    "skills": [{"name": "apache-kafka", "prettyName": "Apache Kafka"}, {"name": "java", "prettyName": null}],
				    "totalApplicants": 7,
				    "client": {"totalSpent": {"rawValue": "250000.5", "currency": "USD"}, "totalHires": 48,
				      "totalPostedJobs": 60, "verificationStatus": "VERIFIED", "totalFeedback": 4.9,
				      "totalReviews": 41, "location": {"country": "United States"}}}},
				  {"node": {"ciphertext": "%s-h", "title": "Hourly job with nulls", "description": null,
				    "publishedDateTime": "2026-11-22T07:00:00Z", "amount": null,
				    "hourlyBudgetMin": {"rawValue": "40.0", "currency": "USD"},
				    "hourlyBudgetMax": {"rawValue": "80.0", "currency": "USD"},
				    "experienceLevel": null, "skills": null, "client": null}}
				], "pageInfo": null}}}"""
			.formatted(ciphertext, ciphertext);
	}

}
