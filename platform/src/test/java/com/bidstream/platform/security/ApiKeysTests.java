package com.bidstream.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	static final String ACME_KEY = "bsk_acme-secret";

	static final String OPS_KEY = "bsk_ops-secret";

	@Test
	void devKeysExistOnlyInDevMode() {
		ApiKeys production = new ApiKeys(new ApiKeyProperties(false, List.of(), null));
		ApiKeys dev = new ApiKeys(new ApiKeyProperties(true, List.of(), null));

		assertThat(production.authenticate("dev-demo-key")).isEmpty();
		assertThat(dev.authenticate("dev-demo-key")).contains(Caller.member("demo"));
		assertThat(dev.authenticate("dev-operator-key")).contains(Caller.operator(null));
	}

	@Test
	void configuredKeysAreMatchedByTheirHashOnly() {
		ApiKeys keys = new ApiKeys(new ApiKeyProperties(false,
				List.of(new ApiKeyProperties.Entry(ApiKeys.sha256(ACME_KEY).toUpperCase(), "acme", Role.MEMBER)),
				null));

		assertThat(keys.authenticate(ACME_KEY)).contains(Caller.member("acme"));
		assertThat(keys.authenticate(ApiKeys.sha256(ACME_KEY))).as("the hash itself is no key").isEmpty();
		assertThat(keys.authenticate("")).isEmpty();
	}

	@Test
	void aBadLineInTheKeysFileIsSkippedAndTheOtherKeysStillWork(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("keys");
		Files.write(file,
				List.of("# keys", ApiKeys.sha256(ACME_KEY) + " acme MEMBER", "not a key line",
						ApiKeys.sha256("x") + " acme SUPERUSER", ApiKeys.sha256("y") + " Acme_Co MEMBER",
						ApiKeys.sha256(OPS_KEY) + " * OPERATOR"));
		ApiKeys keys = new ApiKeys(new ApiKeyProperties(false, List.of(), file));

		assertThat(keys.authenticate(ACME_KEY)).contains(Caller.member("acme"));
		assertThat(keys.authenticate(OPS_KEY)).contains(Caller.operator(null));
		assertThat(keys.authenticate("x")).isEmpty();
		assertThat(keys.authenticate("y")).isEmpty();
	}

	@Test
	void aKeyAddedToTheFileWorksWithoutARestart(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("keys");
		Files.write(file, List.of(ApiKeys.sha256(ACME_KEY) + " acme MEMBER"));
		ApiKeys keys = new ApiKeys(new ApiKeyProperties(false, List.of(), file));
		assertThat(keys.authenticate(OPS_KEY)).isEmpty();

		Files.write(file, List.of(ApiKeys.sha256(ACME_KEY) + " acme MEMBER", ApiKeys.sha256(OPS_KEY) + " * OPERATOR"));
		Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));

		assertThat(keys.authenticate(OPS_KEY)).contains(Caller.operator(null));
	}

}
