package com.bidstream.localstack.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KeysFileTests {

	@TempDir
	Path dir;

	@Test
	void storesOnlyTheHashOfAMemberKeyWithItsAgency() throws IOException {
		KeysFile keys = new KeysFile(this.dir.resolve("keys"));

		String key = keys.create("acme2", KeysFile.Role.MEMBER);

		String content = Files.readString(keys.path());
		assertThat(content).doesNotContain(key).contains(KeysFile.sha256(key) + " acme2 MEMBER");
		assertThat(Files.getPosixFilePermissions(keys.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void givesAnOperatorKeyEveryAgency() throws IOException {
		KeysFile keys = new KeysFile(this.dir.resolve("keys"));

		String key = keys.create(null, KeysFile.Role.OPERATOR);

		List<String> lines = Files.readAllLines(keys.path());
		assertThat(lines).last().isEqualTo(KeysFile.sha256(key) + " * OPERATOR");
	}

	@Test
	void createsADifferentKeyEachTime() {
		KeysFile keys = new KeysFile(this.dir.resolve("keys"));

		assertThat(keys.create("demo", KeysFile.Role.MEMBER)).isNotEqualTo(keys.create("demo", KeysFile.Role.MEMBER))
			.startsWith("bsk_");
	}

	@Test
	void rejectsAnAgencyThatWouldBreakTheFileFormat() {
		KeysFile keys = new KeysFile(this.dir.resolve("keys"));

		assertThatIllegalArgumentException().isThrownBy(() -> keys.create("two words", KeysFile.Role.MEMBER));
		assertThat(this.dir.resolve("keys")).doesNotExist();
	}

}
