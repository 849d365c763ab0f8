package com.bidstream.reporting.deadletters;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RedriveRequestTests {

	@Test
	void readsIdsOrAWholeTopic() {
		assertThat(read("{\"ids\": [\"error.listings.scored.reporting:2:40\"]}")).isEqualTo(new RedriveRequest(
				List.of(new DeadLetterId("error.listings.scored.reporting", 2, 40)), Optional.empty()));
		assertThat(read("{\"topic\": \"error.listings.scored.reporting\", \"all\": true}"))
			.isEqualTo(new RedriveRequest(List.of(), Optional.of("error.listings.scored.reporting")));
	}

	@Test
	void namesTheFieldThatIsWrong() {
		assertThat(fields("{\"ids\": [\"error.a:0:1\", \"error.a:0:2\", \"nonsense\", 7]}")).containsExactly("ids[2]",
				"ids[3]");
		assertThat(fields("{\"ids\": []}")).containsExactly("ids");
		assertThat(fields("{\"ids\": \"error.a:0:1\"}")).containsExactly("ids");
		assertThat(fields("{}")).containsExactly("ids");
		assertThat(fields("{\"topic\": \"listings.scored\", \"all\": true}")).containsExactly("topic");
		assertThat(fields("{\"all\": true}")).containsExactly("topic");
		assertThat(fields("{\"topic\": \"error.listings.scored.reporting\"}")).containsExactly("all");
		assertThat(fields("{\"topic\": \"error.listings.scored.reporting\", \"all\": \"yes\"}")).containsExactly("all");
		assertThat(fields("{\"ids\": [\"error.a:0:1\"], \"topic\": \"error.a\", \"all\": true}"))
			.containsExactly("topic");
		assertThat(fields("{\"ids\": [" + "\"error.a:0:1\",".repeat(1000) + "\"error.a:0:1\"]}"))
			.containsExactly("ids");
	}

	@Test
	void aBodyThatIsNoObjectIsMalformed() {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> read("[1]"));

		assertThat(problem.slug()).isEqualTo("malformed-body");
		assertThat(problem.errors()).as("named as every body of the wrong shape is")
			.containsExactly(new com.bidstream.platform.web.FieldError("$", "must be a JSON object"));
	}

	private static RedriveRequest read(String json) {
		return RedriveRequest.read(EventCodec.mapper().readTree(json));
	}

	private static List<String> fields(String json) {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> read(json));
		assertThat(problem).as(json).isNotNull();
		return problem.errors().stream().map(FieldError::field).toList();
	}

}
