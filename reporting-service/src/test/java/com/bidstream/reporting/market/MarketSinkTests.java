package com.bidstream.reporting.market;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarketSinkTests {

	@Test
	void writesSkillsAsAnArrayLiteralKeepingEachOnceTrimmedAndWithoutBlanks() {
		assertThat(MarketSink.arrayLiteral(List.of())).isEqualTo("{}");
		assertThat(MarketSink.arrayLiteral(Arrays.asList(" Java", "Java ", "", null, "Spring Boot")))
			.isEqualTo("{\"Java\",\"Spring Boot\"}");
	}

	@Test
	void escapesQuotesAndBackslashesInsideTheLiteral() {
		assertThat(MarketSink.arrayLiteral(List.of("C\"#", "a\\b", "x,y", "{z}")))
			.isEqualTo("{\"C\\\"#\",\"a\\\\b\",\"x,y\",\"{z}\"}");
	}

}
