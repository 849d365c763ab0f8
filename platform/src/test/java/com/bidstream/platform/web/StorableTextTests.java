package com.bidstream.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StorableTextTests {

	private static final String[] TEXTS = { "", "plain text", "two\nlines\r\nand\ta tab", "a bell \u0007 here",
			"an escape \u001b[31m", "C1 \u0092 quote", "NUL \u0000 inside", "bell \u0007 then NUL \u0000",
			"lone high \ud800", "lone low \udc00 and a bell \u0007", "a pair \ud83d\ude00 is fine",
			"right-to-left override \u202e is kept", "high at the end \ud83d" };

	@Test
	void namesWhatCannotBeStored() {
		assertThat(StorableText.problem("NUL \u0000 inside")).isEqualTo("contains a NUL character");
		assertThat(StorableText.problem("lone \ud800 high")).isEqualTo("is not valid Unicode");
		assertThat(StorableText.problem("high at the end \ud83d")).isEqualTo("is not valid Unicode");
		assertThat(StorableText.problem("a pair \ud83d\ude00 and a bell \u0007")).isNull();
	}

	@Test
	void namesControlCharactersAllowingLineBreaksAndTabsWhereAsked() {
		assertThat(StorableText.controlProblem("two\nlines\r\nand\ta tab", true)).isNull();
		assertThat(StorableText.controlProblem("two\nlines", false)).isEqualTo("must not contain control characters");
		assertThat(StorableText.controlProblem("a bell \u0007", true))
			.isEqualTo("must not contain control characters other than line breaks and tabs");
		assertThat(StorableText.controlProblem("C1 \u0092 quote", false)).isNotNull();
		assertThat(StorableText.controlProblem("override \u202e kept", false)).isNull();
	}

	@Test
	void checksBothInOnePassWithTheStorageProblemFirst() {
		for (boolean lines : new boolean[] { true, false }) {
			for (String text : TEXTS) {
				String problem = StorableText.problem(text);
				String expected = (problem != null) ? problem : StorableText.controlProblem(text, lines);
				assertThat(StorableText.shownProblem(text, lines)).as("%s (lines %s)", text, lines).isEqualTo(expected);
			}
		}
		assertThat(StorableText.shownProblem("bell \u0007 then NUL \u0000", true))
			.isEqualTo("contains a NUL character");
	}

}
