package com.bidstream.ingest.intake;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import com.bidstream.platform.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ListingsBodyTests {

	@Test
	void anObjectIsOneItemAndAnArrayItsElements() {
		assertThat(ListingsBody.items(bytes("{\"a\": 1}"))).hasSize(1);
		assertThat(ListingsBody.items(bytes("[{\"a\": 1}, 2, \"x\"]"))).hasSize(3);
		assertThat(ListingsBody.items(bytes("[]"))).isEmpty();
	}

	@Test
	void malformedJsonOrAnotherTopLevelIsABadRequest() {
		for (String body : new String[] { "{\"a\": ", "", "42", "\"listing\"", "null", "{} {}", "{\"a\": 1} x" }) {
			assertThatExceptionOfType(ApiProblem.class).as(body)
				.isThrownBy(() -> ListingsBody.items(bytes(body)))
				.satisfies((problem) -> assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST));
		}
	}

	/**
	 * Jackson kept the last of two values of one name: {"title": "a", "title": "b"} was
	 * stored as "b".
	 */
	@Test
	void anObjectNamingAFieldTwiceIsABadRequestNamingIt() {
		String body = "[{\"title\": \"a\"}, {\"client\": {\"country\": \"US\", \"country\": \"DE\"}}]";

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ListingsBody.items(bytes(body)))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.getMessage()).isEqualTo("The JSON names \"country\" twice in one object");
			});
		assertThat(ListingsBody.items(bytes("[{\"title\": \"a\"}, {\"title\": \"a\"}]"))).as("in two objects")
			.hasSize(2);
	}

	@Test
	void aNumberWithTooManyDigitsIsABadRequestSayingWhyInPlainWords() {
		String body = "[{\"source\": \"upwork\"}, {\"proposals\": " + "9".repeat(1_001) + "}]";

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ListingsBody.items(bytes(body)))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.getMessage()).contains("number", "more than 1000 digits");
				assertThat(problem.getMessage()).doesNotContain("StreamReadConstraints", "maximum allowed", "(1001");
			});
		assertThat(ListingsBody.items(bytes("{\"proposals\": " + "9".repeat(1_000) + "}"))).hasSize(1);
	}

	@Test
	void nestingBeyondTheDepthLimitIsABadRequestSayingWhyInPlainWords() {
		String body = "[{\"source\": \"upwork\", \"extra\": " + "[".repeat(600) + "]".repeat(600) + "}]";

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ListingsBody.items(bytes(body)))
			.satisfies((problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.getMessage()).contains("nests", "more than 500 levels deep");
				assertThat(problem.getMessage()).doesNotContain("StreamReadConstraints", "maximum allowed");
			});
		assertThat(ListingsBody.items(bytes("{\"extra\": " + "[".repeat(400) + "]".repeat(400) + "}"))).hasSize(1);
	}

	@Test
	void moreThan1000ItemsAreTooLarge() {
		String items = "{},".repeat(1_000) + "{}";

		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ListingsBody.items(bytes("[" + items + "]")))
			.satisfies((problem) -> assertThat(problem.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
		assertThat(ListingsBody.items(bytes("[" + "{},".repeat(999) + "{}]"))).hasSize(1_000);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
