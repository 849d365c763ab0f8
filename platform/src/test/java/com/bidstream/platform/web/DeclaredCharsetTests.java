package com.bidstream.platform.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeclaredCharsetTests {

	@Test
	void isUtf8UnlessTheHeaderNamesAnother() {
		assertThat(DeclaredCharset.of(null)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(DeclaredCharset.of("application/json")).isEqualTo(StandardCharsets.UTF_8);
		assertThat(DeclaredCharset.of("text/csv; charset=ISO-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(DeclaredCharset.of("text/csv;charset=\"utf-16le\"")).isEqualTo(StandardCharsets.UTF_16LE);
	}

	@Test
	void aCharsetTheJdkDoesNotKnowAnswers415() {
		assertThatThrownBy(() -> DeclaredCharset.of("text/csv; charset=klingon"))
			.isInstanceOfSatisfying(ApiProblem.class, (problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
				assertThat(problem.getMessage())
					.startsWith("The charset in Content-Type is not one this service knows");
			});
	}

	@Test
	void aHeaderThatIsNoMediaTypeIsLeftToTheEndpointToJudge() {
		assertThat(DeclaredCharset.mediaType("not a type")).isEmpty();
		assertThat(DeclaredCharset.mediaType(null)).isEmpty();
		assertThat(DeclaredCharset.mediaType("text/csv; charset=klingon")).as("its type, the charset judged by of")
			.contains(MediaType.parseMediaType("text/csv"));
		assertThat(DeclaredCharset.of("not a type")).as("the endpoint answers for the type")
			.isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void decodesStrictly() {
		assertThat(DeclaredCharset.decode(new byte[] { 'c', 'a', 'f', (byte) 0xe9 }, StandardCharsets.ISO_8859_1,
				"The CSV"))
			.isEqualTo("caf\u00e9");
		assertThatThrownBy(() -> DeclaredCharset.decode(new byte[] { 'c', 'a', 'f', (byte) 0xe9 },
				StandardCharsets.UTF_8, "The CSV"))
			.isInstanceOfSatisfying(ApiProblem.class, (problem) -> {
				assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(problem.getMessage()).startsWith("The CSV is not valid UTF-8");
			});
	}

	@Test
	void tellsAJsonReaderThatMetBytesThatAreNoUtf8FromOneThatMetBadJson() {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		Throwable latin1 = org.assertj.core.api.Assertions.catchThrowable(
				() -> json.readTree(new byte[] { '{', '"', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '}' }));
		Throwable broken = org.assertj.core.api.Assertions.catchThrowable(() -> json.readTree("{\"t\": ".getBytes()));

		assertThat(DeclaredCharset.notUtf8(new IllegalStateException("wrapped", latin1))).isTrue();
		assertThat(DeclaredCharset.notUtf8(broken)).isFalse();
		assertThat(DeclaredCharset.notValid(StandardCharsets.UTF_8, "The body"))
			.isEqualTo("The body is not valid UTF-8 (declare another charset in Content-Type if it is in one)");
	}

}
