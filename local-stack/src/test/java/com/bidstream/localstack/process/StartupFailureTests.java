package com.bidstream.localstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupFailureTests {

	@Test
	void aKnownCauseIsReportedInOneLineWithTheLogsPath(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("postgres.log");
		Files.writeString(log, "java.lang.OutOfMemoryError: Java heap space (an earlier run)\n");
		ChildProcess process = ChildProcess.start("postgres", List.of("true"), log);
		process.waitFor(Duration.ofSeconds(10));
		Files.writeString(log, "Extracting Postgres...\nException: java.lang.OutOfMemoryError: Java heap space\n",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		String report = new StartupFailure(process, "PostgreSQL exited with code 1").report();

		assertThat(report).isEqualTo("PostgreSQL ran out of memory while unpacking its binaries"
				+ " (PostgreSQL exited with code 1). Its log: " + log);
	}

	@Test
	void onlyTheLatestRunIsRead(@TempDir Path dir) throws IOException {
		Path log = dir.resolve("kafka.log");
		Files.writeString(log, "java.lang.OutOfMemoryError: Java heap space (an earlier run)\n");
		ChildProcess process = ChildProcess.start("kafka", List.of("echo", "broker failed"), log);
		process.waitFor(Duration.ofSeconds(10));

		String report = new StartupFailure(process, "Kafka exited with code 1").report();

		assertThat(report).startsWith("Kafka exited with code 1")
			.contains("Last lines of " + log)
			.contains("broker failed")
			.doesNotContain("an earlier run");
	}

}
