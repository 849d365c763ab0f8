package com.bidstream.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyIdsTests {

	@Test
	void acceptsLowerCaseSlugs() {
		assertThat(AgencyIds.isValid("demo")).isTrue();
		assertThat(AgencyIds.isValid("acme-2")).isTrue();
		assertThat(AgencyIds.isValid("a".repeat(64))).isTrue();
	}

	@Test
	void refusesAnythingElse() {
		assertThat(AgencyIds.isValid(null)).isFalse();
		assertThat(AgencyIds.isValid("")).isFalse();
		assertThat(AgencyIds.isValid("Acme")).isFalse();
		assertThat(AgencyIds.isValid("acme_co")).isFalse();
		assertThat(AgencyIds.isValid("-acme")).isFalse();
		assertThat(AgencyIds.isValid("a".repeat(65))).isFalse();
		assertThat(AgencyIds.isValid("*")).isFalse();
	}

}
