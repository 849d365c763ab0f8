package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.process.Supervised;
import com.bidstream.localstack.services.Service;
import com.bidstream.localstack.services.ServiceNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's give-up rule, with a "service" whose jar is broken so that it dies at
 * every start. (A killed service coming back UP is shown by the end-to-end test.)
 */
class SupervisorTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final AtomicInteger starts = new AtomicInteger();

	private final Console console = new Console(new PrintStream(this.out, true, StandardCharsets.UTF_8));

	@Test
	void aServiceThatKeepsDyingAtStartIsRestartedAFewTimesThenLeftDownWithTheReason(@TempDir Path dir) {
		Supervisor supervisor = new Supervisor(this.console, (exited) -> {
			this.starts.incrementAndGet();
			return brokenService(dir);
		}, () -> false, Duration.ofSeconds(30), List.of(Duration.ofMillis(10)), Supervisor.STABLE);

		try (supervisor) {
			supervisor.watch(brokenService(dir));

			await().atMost(Duration.ofSeconds(60)).until(() -> output().contains("keeps dying at start"));
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> this.starts.get() == 5);
		}
		assertThat(output()).contains("! scoring-service exited unexpectedly (code 1); restarting it in 0 s")
			.contains("! scoring-service exited with code 1 before it was UP; restarting it in 1 s (try 2 of 5)")
			.contains("! scoring-service keeps dying at start (exited with code 1 before it was UP, 5 times in a row):"
					+ " not restarting it again. Its log: " + dir.resolve("scoring.log"));
	}

	@Test
	void aChildThatCannotEvenBeStartedAgainIsTriedAgainThenLeftDownWithTheReason(@TempDir Path dir) {
		Supervisor supervisor = new Supervisor(this.console, (exited) -> {
			this.starts.incrementAndGet();
			throw new StartupFailure("No executable jar for scoring at broken.jar");
		}, () -> false, Duration.ofSeconds(30), List.of(Duration.ofMillis(10)), Supervisor.STABLE);

		try (supervisor) {
			supervisor.watch(brokenService(dir));

			await().atMost(Duration.ofSeconds(60)).until(() -> output().contains("keeps dying at start"));
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> this.starts.get() == 5);
		}
		assertThat(output())
			.contains("! scoring-service could not be started (No executable jar for scoring at "
					+ "broken.jar); restarting it in 1 s (try 2 of 5)")
			.contains("! scoring-service keeps dying at start (could not be started (No executable jar for scoring "
					+ "at broken.jar), 5 times in a row): not restarting it again.");
	}

	@Test
	void aChildThatDiesSoonAfterEachRestartIsLeftDownAfterAFewTries(@TempDir Path dir) {
		Supervisor supervisor = new Supervisor(this.console, (exited) -> {
			this.starts.incrementAndGet();
			return shortLived(dir);
		}, () -> false, Duration.ofSeconds(30), List.of(Duration.ofMillis(10)), Duration.ofSeconds(30));

		try (supervisor) {
			supervisor.watch(shortLived(dir));

			await().atMost(Duration.ofSeconds(60)).until(() -> output().contains("keeps dying"));
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> this.starts.get() == 5);
		}
		assertThat(output()).contains("! kafka exited unexpectedly (code 0); restarting it in 0 s")
			.contains("kafka is back UP on localhost:1")
			.contains("! kafka exited unexpectedly (code 0) 30 s or less after it was UP again; restarting it in 1 s "
					+ "(try 2 of 5)")
			.contains("! kafka keeps dying at start (exited unexpectedly (code 0) 30 s or less after it was UP again, "
					+ "5 times in a row): not restarting it again.");
	}

	@Test
	void aChildThatStaysUpLongEnoughStartsItsCountAfresh(@TempDir Path dir) {
		Supervisor supervisor = new Supervisor(this.console, (exited) -> {
			this.starts.incrementAndGet();
			return shortLived(dir);
		}, () -> false, Duration.ofSeconds(30), List.of(Duration.ofMillis(10)), Duration.ZERO);

		try (supervisor) {
			supervisor.watch(shortLived(dir));

			await().atMost(Duration.ofSeconds(60)).until(() -> this.starts.get() >= 8);
		}
		assertThat(output()).doesNotContain("keeps dying").doesNotContain("try 2 of 5");
	}

	/**
	 * A "broker" that is UP as soon as it runs and ends by itself after 300 ms.
	 */
	private static Supervised shortLived(Path dir) {
		ChildProcess process = ChildProcess.start("kafka", List.of("sleep", "0.3"), dir.resolve("kafka.log"));
		return new Supervised() {

			@Override
			public ChildProcess process() {
				return process;
			}

			@Override
			public String displayName() {
				return "kafka";
			}

			@Override
			public String address() {
				return "localhost:1";
			}

			@Override
			public boolean isUp() {
				return true;
			}

			@Override
			public Supervised startAgain() {
				throw new UnsupportedOperationException("the test's restarter starts it");
			}

		};
	}

	@Test
	void nothingIsRestartedWhileTheStackStops(@TempDir Path dir) {
		Supervisor supervisor = new Supervisor(this.console, (exited) -> {
			this.starts.incrementAndGet();
			return brokenService(dir);
		}, () -> true, Duration.ofSeconds(30), List.of(Duration.ofMillis(10)), Supervisor.STABLE);

		try (supervisor) {
			ServiceNode node = brokenService(dir);
			supervisor.watch(node);
			node.process().waitFor(Duration.ofSeconds(30));

			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> this.starts.get() == 0);
		}
		assertThat(output()).doesNotContain("restarting");
	}

	/**
	 * A scoring-service whose jar is broken: it exits with code 1 at once.
	 */
	private static ServiceNode brokenService(Path dir) {
		Path jar = dir.resolve("broken.jar");
		try {
			Files.writeString(jar, "not a jar");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ServiceNode.Settings settings = new ServiceNode.Settings(Ports.free(), "localhost:1",
				"jdbc:postgresql://localhost:1/none", dir.resolve("keys"), dir.resolve("scoring"));
		return ServiceNode.start(Service.SCORING, jar, settings, dir.resolve("scoring.log"));
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
