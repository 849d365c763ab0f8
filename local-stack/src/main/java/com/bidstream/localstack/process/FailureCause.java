package com.bidstream.localstack.process;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads why a process did not come up from the lines its latest run logged, for the one
 * line the person at the terminal reads first. Known causes only: anything else is shown
 * as the log's last lines.
 */
final class FailureCause {

	private FailureCause() {
	}

	private record Rule(Predicate<List<String>> matches, String cause) {

	}

	private static final List<Rule> RULES = List.of(
			new Rule((lines) -> has(lines, "OutOfMemoryError") && has(lines, "Extracting Postgres"),
					"%s ran out of memory while unpacking its binaries"),
			new Rule((lines) -> has(lines, "OutOfMemoryError"), "%s ran out of memory"),
			new Rule((lines) -> has(lines, "No space left on device"), "%s found the disk full"),
			new Rule((lines) -> has(lines, "could not lock") && has(lines, "epg-lock"),
					"%s's data directory is still held by another process (a Bidstream still stopping?)"),
			new Rule((lines) -> has(lines, "Address already in use") || has(lines, "was already in use"),
					"%s could not open its port: another program is using it"),
			new Rule((lines) -> has(lines, "FlywayValidateException") || has(lines, "Validate failed: Migrations"),
					"%s's database does not match its migrations (Flyway validation failed)"));

	/**
	 * The cause, in words, for the process named {@code name} ({@code postgres},
	 * {@code kafka} or a service id).
	 */
	static Optional<String> of(String name, List<String> lines) {
		return RULES.stream()
			.filter((rule) -> rule.matches().test(lines))
			.findFirst()
			.map((rule) -> rule.cause().formatted(displayName(name)));
	}

	/**
	 * The known cause, else the exception at the bottom of the latest run's last stack
	 * trace (its last top-level {@code Caused by:}, or the trace's own first line when it
	 * has none; at most 300 characters): one line for a console that goes on running.
	 */
	static Optional<String> inOneLine(String name, List<String> lines) {
		Optional<String> known = of(name, lines);
		if (known.isPresent()) {
			return known;
		}
		int lastFrame = -1;
		for (int i = lines.size() - 1; i >= 0 && lastFrame < 0; i--) {
			if (isFrame(lines.get(i))) {
				lastFrame = i;
			}
		}
		if (lastFrame < 0) {
			return Optional.empty();
		}
		// up from the last frame to the line that opened its trace; the deepest cause is
		// the last top-level "Caused by:" on the way (a suppressed one is indented)
		String deepest = null;
		int header = lastFrame;
		while (header > 0 && (isFrame(lines.get(header)) || lines.get(header).startsWith("Caused by: "))) {
			if (deepest == null && lines.get(header).startsWith("Caused by: ")) {
				deepest = lines.get(header).substring("Caused by: ".length());
			}
			header--;
		}
		String cause = (deepest != null) ? deepest : lines.get(header).strip();
		return Optional.of((cause.length() > 300) ? cause.substring(0, 300) + "..." : cause);
	}

	/**
	 * A line inside a stack trace below its first: a frame, an elided count, or what a
	 * suppressed exception brings (all indented).
	 */
	private static boolean isFrame(String line) {
		return line.startsWith("\t") || line.startsWith("    at ");
	}

	static String displayName(String name) {
		return switch (name) {
			case "postgres" -> "PostgreSQL";
			case "kafka" -> "Kafka";
			default -> name + "-service";
		};
	}

	private static boolean has(List<String> lines, String text) {
		return lines.stream().anyMatch((line) -> line.contains(text));
	}

}
