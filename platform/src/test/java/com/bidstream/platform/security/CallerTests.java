package com.bidstream.platform.security;

import org.junit.jupiter.api.Test;

import com.bidstream.platform.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTests {

	@Test
	void aMemberReadsAndWritesOnlyItsOwnAgencyWhateverItAsksFor() {
		Caller member = Caller.member("demo");

		assertThat(member.readScope("acme")).contains("demo");
		assertThat(member.resourceAgency("acme")).isEqualTo("demo");
		assertThat(member.writeAgency()).isEqualTo("demo");
	}

	@Test
	void anOperatorReadsEveryAgencyUnlessTheAgencyParameterNarrowsIt() {
		assertThat(Caller.operator(null).readScope(null)).isEmpty();
		assertThat(Caller.operator(null).readScope("  ")).as("a blank agency= means all").isEmpty();
		assertThat(Caller.operator(null).readScope("acme")).contains("acme");
		assertThat(Caller.operator("acme").readScope(null)).as("X-Agency-Id names writes, not reads").isEmpty();
		assertThat(Caller.operator(null).readScope(" acme ")).contains("acme");
		for (String bad : new String[] { "BAD AGENCY", "a|b", "x".repeat(200) }) {
			assertThatThrownBy(() -> Caller.operator(null).readScope(bad)).as(bad)
				.isInstanceOfSatisfying(ApiProblem.class,
						(problem) -> assertThat(problem.errors()).extracting("field").containsExactly("agency"));
			assertThatThrownBy(() -> Caller.operator(null).resourceAgency(bad)).as(bad).isInstanceOf(ApiProblem.class);
		}
		assertThat(Caller.member("demo").readScope("BAD AGENCY")).as("a member's agency= is ignored").contains("demo");
	}

	@Test
	void anOperatorNamesTheAgencyOfASingleResourceByParameterOrHeader() {
		assertThat(Caller.operator(null).resourceAgency("acme")).isEqualTo("acme");
		assertThat(Caller.operator("demo").resourceAgency(null)).isEqualTo("demo");
		assertThat(Caller.operator("demo").resourceAgency("acme")).as("reads are narrowed by agency=")
			.isEqualTo("acme");
		assertThatThrownBy(() -> Caller.operator(null).resourceAgency(" ")).isInstanceOf(ApiProblem.class)
			.hasMessageContaining("X-Agency-Id");
	}

	@Test
	void anOperatorWritesOnlyForTheAgencyItsHeaderNames() {
		assertThat(Caller.operator("acme").writeAgency()).isEqualTo("acme");
		assertThatThrownBy(() -> Caller.operator(null).writeAgency()).isInstanceOf(ApiProblem.class)
			.satisfies((ex) -> assertThat(((ApiProblem) ex).status().value()).isEqualTo(400));
	}

	@Test
	void onlyAnOperatorPassesTheOperatorCheck() {
		Caller.operator(null).requireOperator();
		assertThatThrownBy(() -> Caller.member("demo").requireOperator()).isInstanceOf(ApiProblem.class)
			.satisfies((ex) -> assertThat(((ApiProblem) ex).status().value()).isEqualTo(403));
	}

}
