package com.bidstream.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.bidstream.contracts.EventCodec;
import com.bidstream.localstack.Console;
import com.bidstream.localstack.LocalStack;
import com.bidstream.localstack.StackOptions;
import com.bidstream.localstack.process.StartupFailure;

import com.bidstream.localstack.process.Trees;

/**
 * {@code ./bidstream bench}: starts the local stack on its own data directory, measures
 * (see {@link Measurement}), prints one table, writes it as JSON under
 * {@code target/bench/}, and stops the stack.
 */
public final class Bench {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private Bench() {
	}

	public static int run(BenchSettings settings, StackOptions options, Console console) throws InterruptedException {
		Instant started = Instant.now();
		LocalStack stack = LocalStack.create(options.withServiceArguments(List.of(Paused.EXPOSE_BINDINGS)), console);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(stack, settings), "bidstream-bench-stop"));
		try {
			stack.start();
			BenchResult result = new Measurement(settings, stack, console).run(started);
			String table = ReportTable.format(result);
			console.line("");
			console.line(table);
			Path json = write(settings.output(), started, result, table);
			console.line("Written to %s (and latest.json beside it)", json);
			return 0;
		}
		catch (StartupFailure ex) {
			console.line("The stack did not start: " + ex.report());
			return 1;
		}
		catch (RuntimeException ex) {
			console.line("The benchmark failed: " + ex.getMessage());
			return 1;
		}
		finally {
			stop(stack, settings);
		}
	}

	private static void stop(LocalStack stack, BenchSettings settings) {
		stack.close();
		if (settings.scratchDataDir()) {
			deleteQuietly(stack.options().dataDir());
		}
	}

	private static Path write(Path dir, Instant started, BenchResult result, String table) {
		try {
			Files.createDirectories(dir);
			String json = EventCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n";
			Path file = dir.resolve("bench-" + FILE_TIME.format(started) + ".json");
			Files.writeString(file, json);
			Files.writeString(dir.resolve("latest.json"), json);
			Files.writeString(dir.resolve("latest.txt"), table);
			return file;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot write the results to " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try {
			Trees.delete(dir);
		}
		catch (IOException | RuntimeException ex) {
			// a scratch directory under the system's temp dir: left for the system to
			// clear
		}
	}

}
