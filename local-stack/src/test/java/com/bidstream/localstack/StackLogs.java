package com.bidstream.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.bidstream.localstack.services.Service;

/**
 * What a test on a whole stack prints when it fails: each service's ERROR lines and the
 * stack traces under them. The stack's data directory is a {@code @TempDir}, deleted with
 * the test, so without this a failure seen once in CI keeps no trace of its cause.
 */
final class StackLogs {

	private static final int TRACE_LINES = 60;

	private StackLogs() {
	}

	static void printErrors(LocalStack stack, PrintStream out) {
		for (Service service : Service.values()) {
			Path log = stack.dataRoot().resolve("logs/" + service.id() + ".log");
			try {
				List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (lines.get(i).contains(" ERROR ")) {
						out.printf("--- %s.log, line %d ---%n", service.id(), i + 1);
						lines.subList(i, Math.min(lines.size(), i + TRACE_LINES)).forEach(out::println);
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				out.printf("--- %s.log could not be read: %s%n", service.id(), ex);
			}
		}
	}

}
