package com.bidstream.localstack.bench;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedCounterTests {

	@Test
	void theSourceIsTheJobKeysPartBeforeItsColon() {
		assertThat(PublishedCounter.source(key("demo|bench-x1-e2e:~02bench17"))).isEqualTo("bench-x1-e2e");
		assertThat(PublishedCounter.source(key("demo|upwork:~01ab:cd"))).isEqualTo("upwork");
	}

	@Test
	void aKeyOfAnotherShapeHasNoSource() {
		assertThat(PublishedCounter.source(null)).isNull();
		assertThat(PublishedCounter.source(key("no-bar:here"))).isNull();
		assertThat(PublishedCounter.source(key("demo|no-colon"))).isNull();
	}

	private static byte[] key(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
