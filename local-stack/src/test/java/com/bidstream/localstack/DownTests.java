package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./bidstream down} without a stack to stop. Stopping a real one is the smoke
 * check's part ({@code .ci/run}: up, a listing counted, down, nothing left running).
 */
class DownTests {

	@Test
	void withNothingRunningItSaysSoAndSucceeds(@TempDir Path data) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = Launcher.run(new String[] { "down", "--data-dir", data.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("No ./bidstream up is running on " + data,
				"nothing to stop");
	}

	@Test
	void takesTheSameOptionsAsUpSoTheSameCommandLineStopsIt(@TempDir Path data) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = Launcher.run(new String[] { "down", "--kafka-port", "29092", "--ingest-port", "28081",
				"--postgres-port", "25432", "--data-dir", data.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing to stop");
	}

	@Test
	void aDirectoryHeldByAProcessThatIsNoLauncherIsLeftAlone(@TempDir Path data) throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8));
		// this test's JVM holds the directory (and its pid is in launcher.pid), but it is
		// not
		// a launcher: down must not signal it (asking from the same JVM releases the
		// lock,
		// so only this one call is meaningful here; a real down runs in a JVM of its own)
		try (DataDir held = DataDir.open(data)) {
			assertThat(Down.run(data, java.time.Duration.ofSeconds(5), console)).isEqualTo(1);
			assertThat(out.toString(StandardCharsets.UTF_8))
				.contains("Process " + ProcessHandle.current().pid() + " holds " + data, "not stopping it");
		}
	}

	@Test
	void helpNamesIt() throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		Launcher.run(new String[] { "help" }, new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("./bidstream down [--data-dir DIR]");
	}

}
