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
	 * The known cause, else the deepest exception the latest run's last stack trace names
	 * (its last {@code Caused by:} line, at most 300 characters): one line for a console
	 * that goes on running.
	 */
	static Optional<String> inOneLine(String name, List<String> lines) {
		Optional<String> known = of(name, lines);
		if (known.isPresent()) {
			return known;
		}
		for (int i = lines.size() - 1; i >= 0; i--) {
			String line = lines.get(i).strip();
			if (line.startsWith("Caused by: ")) {
				String cause = line.substring("Caused by: ".length());
				return Optional.of((cause.length() > 300) ? cause.substring(0, 300) + "..." : cause);
			}
		}
		return Optional.empty();
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
