package com.bidstream.platform.jdbc;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRoundsTests {

	@Test
	void eachKeyOccursOncePerRoundInTheBatchsOrder() {
		List<String> rows = List.of("a1", "b1", "a2", "c1", "a3", "b2");

		assertThat(KeyRounds.of(rows, (row) -> row.charAt(0))).containsExactly(List.of("a1", "b1", "c1"),
				List.of("a2", "b2"), List.of("a3"));
	}

	@Test
	void distinctKeysMakeOneRoundAndNoRowsNone() {
		assertThat(KeyRounds.of(List.of("a", "b"), Function.identity())).containsExactly(List.of("a", "b"));
		assertThat(KeyRounds.of(List.<String>of(), Function.identity())).isEmpty();
	}

}
