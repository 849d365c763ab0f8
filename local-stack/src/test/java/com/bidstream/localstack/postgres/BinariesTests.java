package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BinariesTests {

	@Test
	void anUnpackCutShortIsRemovedAndAFinishedOneKept(@TempDir Path work) throws IOException {
		Path cutShort = Files.createDirectories(work.resolve("PG-aaaa").resolve("lib"));
		Files.writeString(cutShort.resolve("libpq.so"), "half a file");
		Path finished = Files.createDirectories(work.resolve("PG-bbbb").resolve("bin"));
		Files.writeString(work.resolve("PG-bbbb").resolve(Binaries.DONE_MARK), "");

		assertThat(Binaries.removeUnfinished(work)).containsExactly(work.resolve("PG-aaaa"));

		assertThat(work.resolve("PG-aaaa")).doesNotExist();
		assertThat(finished).isDirectory();
	}

	@Test
	void aMissingWorkingDirectoryIsNothingToRemove(@TempDir Path work) {
		assertThat(Binaries.removeUnfinished(work.resolve("binaries"))).isEmpty();
	}

}
