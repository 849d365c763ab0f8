package com.bidstream.platform.web;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTests {

	@Test
	void readsTheCanonicalFormInEitherCase() {
		UUID id = UUID.randomUUID();

		assertThat(Uuids.parse(id.toString())).contains(id);
		assertThat(Uuids.parse(id.toString().toUpperCase(java.util.Locale.ROOT))).contains(id);
	}

	@Test
	void refusesWhatTheJdkWouldReadAsAnotherText() {
		assertThat(UUID.fromString("1-1-1-1-1")).as("the JDK's lenient parse this guards against")
			.isEqualTo(UUID.fromString("00000001-0001-0001-0001-000000000001"));
		for (String text : new String[] { "1-1-1-1-1", "0000001-0001-0001-0001-0000000000001",
				"+0000001-0001-0001-0001-000000000001", "00000001-0001-0001-0001-00000000000g",
				"00000001-0001-0001-0001-00000000000\uff11", "00000001x0001-0001-0001-000000000001",
				"000000010001-0001-0001-0001-00000000001", "", "not-a-uuid" }) {
			assertThat(Uuids.parse(text)).as(text).isEmpty();
		}
		assertThat(Uuids.parse(null)).isEmpty();
	}

}
