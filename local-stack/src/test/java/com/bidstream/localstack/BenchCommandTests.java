package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's options, refused before anything starts, and help asked for after a
 * command.
 */
class BenchCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void helpShowsTheBenchCommand() throws InterruptedException {
		assertThat(run("help")).isZero();
		assertThat(output()).contains("./bidstream bench [--listings N | --million] [--import N | --import-million]",
				"Kafka 19092/19093");
	}

	@Test
	void listingsComeInWholeBatches() throws InterruptedException {
		assertThat(run("bench", "--listings", "1500")).isEqualTo(2);
		assertThat(output()).contains("--listings must be a multiple of 1000, not 1500");
	}

	@Test
	void theDemoIsAnOptionOfUpOnly() throws InterruptedException {
		assertThat(run("bench", "--demo")).isEqualTo(2);
		assertThat(output()).contains("Unknown option: --demo");
	}

	@Test
	void upTakesNoBenchOption() throws InterruptedException {
		assertThat(run("up", "--listings", "1000")).isEqualTo(2);
		assertThat(output()).contains("Unknown option: --listings");
	}

	@Test
	void helpAfterACommandShowsHelpInsteadOfRunningIt() throws InterruptedException {
		// "down --help" stopped a walkthrough's running stack
		assertThat(run("down", "--help")).isZero();
		assertThat(run("up", "-h")).isZero();
		assertThat(output()).contains("./bidstream up", "./bidstream down")
			.doesNotContain("nothing to stop", "Stopping", "Unknown command", "Starting");
	}

	@Test
	void anUnknownOptionIsNamedEvenWhenLast() throws InterruptedException {
		assertThat(run("up", "--bogus-flag")).isEqualTo(2);
		assertThat(output()).contains("Unknown option: --bogus-flag").doesNotContain("needs a value");
	}

	private int run(String... args) throws InterruptedException {
		return Launcher.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
