package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.StartupFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A launcher killed while it stopped leaves children still shutting down: the next start
 * waits for them, or says in one line which one still holds the data directory.
 */
class EarlierRunTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final Console console = new Console(new PrintStream(this.out, true, StandardCharsets.UTF_8));

	private ChildProcess lingering;

	@AfterEach
	void stopLingering() {
		if (this.lingering != null) {
			this.lingering.handle().destroyForcibly();
		}
	}

	@Test
	void aStartWaitsForTheProcessesOfALauncherKilledWhileStopping(@TempDir Path data) {
		this.lingering = ChildProcess.start("postgres", List.of("sleep", "2"), data.resolve("postgres.log"));
		new EarlierRun(data.resolve("pids")).remember(List.of(this.lingering));

		new EarlierRun(data.resolve("pids")).awaitGone(Duration.ofSeconds(30), this.console, data);

		assertThat(this.lingering.isAlive()).isFalse();
		assertThat(output()).contains("Waiting up to 30 s for an earlier Bidstream on " + data
				+ " to finish stopping: postgres (pid " + this.lingering.pid() + ")");
	}

	@Test
	void aProcessThatDoesNotEndIsNamedInOneLine(@TempDir Path data) {
		this.lingering = ChildProcess.start("kafka", List.of("sleep", "60"), data.resolve("kafka.log"));
		new EarlierRun(data.resolve("pids")).remember(List.of(this.lingering));

		assertThatExceptionOfType(StartupFailure.class)
			.isThrownBy(() -> new EarlierRun(data.resolve("pids")).awaitGone(Duration.ofSeconds(1), this.console, data))
			.withMessage("Another Bidstream still holds " + data + ": kafka (pid " + this.lingering.pid()
					+ ") did not stop within 1 s (stop it, or use another --data-dir)");
	}

	@Test
	void processesThatEndedAreNothingToWaitFor(@TempDir Path data) {
		ChildProcess ended = ChildProcess.start("ingest", List.of("true"), data.resolve("ingest.log"));
		ended.waitFor(Duration.ofSeconds(10));
		new EarlierRun(data.resolve("pids")).remember(List.of(ended));

		assertThat(new EarlierRun(data.resolve("pids")).stillRunning()).isEmpty();
		assertThat(new EarlierRun(data.resolve("nothing")).stillRunning()).isEmpty();
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
