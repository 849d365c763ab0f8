package com.bidstream.localstack.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code ./bidstream secrets-key rotate}: a new key, the old ones kept beside it.
 */
class SecretsKeyTests {

	@TempDir
	Path data;

	@Test
	void aRotationMakesANewKeyAndKeepsEveryOldOneAsAPreviousKey() throws Exception {
		Path secrets = this.data.resolve("ingest").resolve("secrets");
		SecretsKey.ensure(secrets);
		Path key = secrets.resolve(SecretsKey.PROPERTY);
		Path previous = secrets.resolve(SecretsKey.PREVIOUS);
		String first = Files.readString(key);

		assertThat(SecretsKey.rotate(this.data)).isEqualTo(secrets);
		String second = Files.readString(key);
		assertThat(second).isNotEqualTo(first);
		assertThat(Base64.getDecoder().decode(second)).hasSize(32);
		assertThat(Files.readString(previous)).isEqualTo(first);

		SecretsKey.rotate(this.data);
		assertThat(Files.readString(previous)).isEqualTo(first + "," + second);
		assertThat(Files.readString(key)).isNotIn(first, second);
		for (Path file : new Path[] { key, previous }) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		try (var files = Files.list(secrets)) {
			assertThat(files.map((file) -> file.getFileName().toString())).as("no temporary file left in the tree")
				.containsExactlyInAnyOrder(SecretsKey.PROPERTY, SecretsKey.PREVIOUS);
		}
	}

	@Test
	void thereIsNothingToRotateBeforeTheFirstStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretsKey.rotate(this.data))
			.withMessageContaining("./bidstream up makes one on its first start");
	}

}
