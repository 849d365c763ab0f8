package com.bidstream.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemAdviceShapeTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	record Member(String name, int age, boolean active) {

	}

	record Team(String name, List<Member> members) {

	}

	@Test
	void aBodyOfATypeNotReadHereNamesTheTypesThatAre() {
		var form = org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED;
		assertThat(ProblemAdvice.unsupported(new org.springframework.web.HttpMediaTypeNotSupportedException(null,
				List.of(form, org.springframework.http.MediaType.ALL), org.springframework.http.HttpMethod.POST)))
			.isEqualTo("A body without a Content-Type is not read here; send application/x-www-form-urlencoded");
		assertThat(ProblemAdvice.unsupported(new org.springframework.web.HttpMediaTypeNotSupportedException(
				org.springframework.http.MediaType.APPLICATION_JSON, List.of(form),
				org.springframework.http.HttpMethod.POST)))
			.isEqualTo("A body of type application/json is not read here; send application/x-www-form-urlencoded");
	}

	@Test
	void aQueryParameterOfTheWrongTypeSaysWhatItMustBe() {
		assertThat(ProblemAdvice.expected(Boolean.class)).isEqualTo("must be true or false");
		assertThat(ProblemAdvice.expected(int.class)).isEqualTo("must be a whole number");
		assertThat(ProblemAdvice.expected(java.time.DayOfWeek.class))
			.isEqualTo("must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
		assertThat(ProblemAdvice.expected(java.util.UUID.class)).isEqualTo("has an invalid value");
	}

	@Test
	void namesTheBodyWhenItIsNoObject() {
		assertThat(wrongShape("[1]", Map.class)).isEqualTo(new FieldError("$", "must be a JSON object"));
		assertThat(wrongShape("\"text\"", Team.class)).isEqualTo(new FieldError("$", "must be a JSON object"));
	}

	@Test
	void namesTheNestedFieldAndWhatItMustBe() {
		assertThat(wrongShape("{\"name\": \"a\", \"members\": {}}", Team.class))
			.isEqualTo(new FieldError("members", "must be a JSON array"));
		assertThat(wrongShape("{\"members\": [{\"name\": \"a\", \"age\": 3, \"active\": true}, {\"age\": {}}]}",
				Team.class))
			.isEqualTo(new FieldError("members[1].age", "must be a number"));
		assertThat(wrongShape("{\"members\": [{\"active\": []}]}", Team.class))
			.isEqualTo(new FieldError("members[0].active", "must be true or false"));
		assertThat(wrongShape("{\"name\": {}}", Team.class)).isEqualTo(new FieldError("name", "must be a string"));
		assertThat(wrongShape("{\"members\": [{\"age\": \"old\"}]}", Team.class))
			.isEqualTo(new FieldError("members[0].age", "is not a valid value"));
	}

	@Test
	void aBodyThatIsNoUtf8IsNamedSo() {
		Throwable latin1 = catchThrowableOfType(tools.jackson.core.JacksonException.class,
				() -> json.readTree(new byte[] { '{', '"', 't', '"', ':', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '}' }));
		var ex = new org.springframework.http.converter.HttpMessageNotReadableException("unreadable", latin1,
				new org.springframework.mock.http.MockHttpInputMessage(new byte[0]));

		var answer = new ProblemAdvice().handleHttpMessageNotReadable(ex, new org.springframework.http.HttpHeaders(),
				org.springframework.http.HttpStatus.BAD_REQUEST,
				new org.springframework.web.context.request.ServletWebRequest(
						new org.springframework.mock.web.MockHttpServletRequest("PUT", "/api/v1/profile")));

		assertThat(answer).isNotNull();
		assertThat(((org.springframework.http.ProblemDetail) answer.getBody()).getDetail())
			.isEqualTo("The body is not valid UTF-8 (declare another charset in Content-Type if it is in one)");
	}

	private static FieldError wrongShape(String body, Class<?> type) {
		MismatchedInputException ex = catchThrowableOfType(MismatchedInputException.class,
				() -> json.readValue(body, type));
		assertThat(ex).as(body).isNotNull();
		return ProblemAdvice.wrongShape(ex);
	}

}
