package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTests {

	@Test
	void anInitdbCutShortIsSetAsideNotDeleted(@TempDir Path postgres) throws IOException {
		Path data = Files.createDirectories(postgres.resolve("data"));
		Files.writeString(data.resolve("PG_VERSION"), "18\n");

		Path aside = DataDirectory.setAsideUnfinished(data).orElseThrow();

		assertThat(data).doesNotExist();
		assertThat(aside.resolve("PG_VERSION")).hasContent("18");
	}

	@Test
	void anInitializedDataDirectoryIsKept(@TempDir Path postgres) throws IOException {
		Path data = Files.createDirectories(postgres.resolve("data"));
		Files.writeString(data.resolve("PG_VERSION"), "18\n");
		Files.writeString(data.resolve("postgresql.conf"), "");
		Files.createDirectories(data.resolve("global"));
		Files.writeString(data.resolve("global").resolve("pg_control"), "");

		assertThat(DataDirectory.setAsideUnfinished(data)).isEmpty();
		assertThat(data.resolve("PG_VERSION")).exists();
	}

	@Test
	void aFirstStartHasNothingToSetAside(@TempDir Path postgres) throws IOException {
		Path data = Files.createDirectories(postgres.resolve("data"));
		Files.writeString(data.resolve("epg-lock"), "");

		assertThat(DataDirectory.setAsideUnfinished(data)).isEmpty();
		assertThat(DataDirectory.setAsideUnfinished(postgres.resolve("missing"))).isEmpty();
	}

}
