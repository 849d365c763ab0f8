package com.bidstream.localstack.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's freelancers (the ids {@link FunnelOdds} claims with), put on each demo
 * agency's roster through scoring's API when they are not there yet, so that the demo's
 * listings are matched, {@code proofMatch} weighs who fits, and capacity shows. A
 * freelancer someone changed or took off by hand is left as it is.
 */
final class DemoRoster {

	record Member(String id, String name, List<String> skills, List<String> proof, int hourlyRate, int capacity) {

		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", this.name);
			body.put("skills", this.skills);
			body.put("proof", this.proof);
			body.put("hourlyRate", this.hourlyRate);
			body.put("capacity", this.capacity);
			return body;
		}

	}

	static final List<Member> MEMBERS = List.of(
			new Member("fl-01", "Ana", List.of("Java", "Spring Boot", "Apache Kafka", "PostgreSQL"),
					List.of("Kafka event pipeline for a fintech"), 85, 25),
			new Member("fl-02", "Bo", List.of("React", "TypeScript", "REST API", "Tailwind CSS", "Shopify"),
					List.of("React dashboard for a logistics startup"), 60, 30),
			new Member("fl-03", "Cy", List.of("Python", "LLM", "OpenAI API", "LangChain", "Vector Database"),
					List.of("RAG chatbot over a help center's articles"), 95, 20),
			new Member("fl-04", "Di", List.of("Flutter", "Dart", "Firebase", "Swift", "SwiftUI"),
					List.of("Flutter booking app for a fitness studio"), 70, 25),
			new Member("fl-05", "Ed", List.of("dbt", "Snowflake", "SQL", "Power BI", "Apache Airflow"),
					List.of("dbt models on Snowflake for a retailer"), 75, 25),
			new Member("fl-06", "Fay", List.of("Kubernetes", "Terraform", "AWS", "Docker", "Linux"),
					List.of("EKS migration with Terraform"), 90, 20));

	private final DemoClient client;

	private final String scoringUrl;

	DemoRoster(DemoClient client, String scoringUrl) {
		this.client = client;
		this.scoringUrl = scoringUrl;
	}

	/**
	 * Puts each missing member on the agency's roster.
	 * @return whether every member is there now
	 */
	boolean ensure(String apiKey) {
		boolean all = true;
		for (Member member : MEMBERS) {
			String url = this.scoringUrl + "/api/v1/freelancers/" + member.id();
			int status = this.client.get(url, apiKey).status();
			if (status == 404) {
				status = this.client.put(url, apiKey, member.body()).status();
			}
			all &= status >= 200 && status < 300;
		}
		return all;
	}

}
