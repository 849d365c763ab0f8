package com.bidstream.ingest.feeds;

import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import com.bidstream.contracts.EventCodec;

import static org.assertj.core.api.Assertions.assertThat;

class FeedTextTests {

	@Test
	void c1CharactersAreReadAsTheWindows1252CharactersTheyStandFor() {
		assertThat(FeedText.cleaned("Don\u0092t miss \u0093this\u0094 \u0080 100 \u0085"))
			.isEqualTo("Don\u2019t miss \u201cthis\u201d \u20ac 100 \u2026");
		assertThat(FeedText.cleaned("undefined in Windows-1252: \u0081\u008d\u008f\u0090\u009d."))
			.isEqualTo("undefined in Windows-1252: .");
	}

	@Test
	void otherControlCharactersAreDroppedAndLineBreaksAndTabsKept() {
		assertThat(FeedText.cleaned("Kafka\u0007 pipeline\f\u000b\u007f\u001b[31m")).isEqualTo("Kafka pipeline[31m");
		assertThat(FeedText.cleaned("Line one\r\n\tLine two")).isEqualTo("Line one\r\n\tLine two");
		String plain = "Spring Boot engineer";
		assertThat(FeedText.cleaned(plain)).isSameAs(plain);
	}

	@Test
	void everyTextOfAnItemIsCleanedNestedAndInArraysToo() {
		JsonNode item = EventCodec.mapper().readTree("""
				{"title": "Don\\u0092t", "skills": ["Ja\\u0007va", "Kafka"], "budget": {"currency": "US\\u0000D"},
				 "proposals": 5}""");

		List<JsonNode> cleaned = FeedText.cleaned(List.of(item));

		assertThat(cleaned.get(0).toString())
			.isEqualTo("{\"title\":\"Don\u2019t\",\"skills\":[\"Java\",\"Kafka\"],\"budget\":{\"currency\":\"USD\"},"
					+ "\"proposals\":5}");
	}

}
