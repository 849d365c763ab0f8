package com.bidstream.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.services.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalStackPortTests {

	@Test
	void refusesToStartWhenAPortIsTakenAndNamesIt(@TempDir Path data) throws IOException {
		try (ServerSocket taken = new ServerSocket()) {
			taken.bind(new InetSocketAddress("localhost", 0));
			StackOptions options = StackOptions.defaults(data)
				.withDataDir(data.resolve("stack"))
				.withKafkaPorts(Ports.free(), Ports.free())
				.withServicePort(Service.TRACKING, taken.getLocalPort());
			LocalStack stack = LocalStack.create(options, new Console(new PrintStream(new ByteArrayOutputStream())));

			assertThatExceptionOfType(StartupFailure.class).isThrownBy(stack::start)
				.withMessageContaining(taken.getLocalPort() + " (tracking-service)");
			assertThat(stack.children()).isEmpty();
		}
	}

	@Test
	void reportingIsToldWhereScoringTrackingAndIngestListenOnThisStacksPorts(@TempDir Path data) {
		StackOptions options = StackOptions.defaults(data)
			.withServicePort(Service.INGEST, 18081)
			.withServicePort(Service.SCORING, 18082)
			.withServicePort(Service.TRACKING, 18083);
		LocalStack stack = LocalStack.create(options, new Console(new PrintStream(new ByteArrayOutputStream())));

		assertThat(stack.calls(Service.REPORTING)).containsExactly(
				"--bidstream.reporting.scoring-url=http://localhost:18082",
				"--bidstream.reporting.tracking-url=http://localhost:18083",
				"--bidstream.reporting.ingest-url=http://localhost:18081",
				"--bidstream.reporting.health.probe-services=true");
		assertThat(stack.calls(Service.SCORING)).isEmpty();
	}

	@Test
	void refusesASecondLauncherOnTheSameDataDirectory(@TempDir Path data) {
		try (DataDir first = DataDir.open(data)) {
			assertThatExceptionOfType(StartupFailure.class).isThrownBy(() -> DataDir.open(data))
				.withMessageContaining("already running");
		}
	}

	@Test
	void helpExplainsTheCommands() throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = Launcher.run(new String[] { "help" }, new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(code).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("./bidstream up", "key create", "dev-demo-key");
	}

	@Test
	void rejectsAnUnknownOption() throws InterruptedException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int code = Launcher.run(new String[] { "up", "--kafka-prot", "1" },
				new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThat(code).isEqualTo(2);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("Unknown option: --kafka-prot");
	}

}
