package com.bidstream.localstack.process;

import java.util.List;
import java.util.Optional;

/**
 * A component that did not come up. Its report starts with one line: the cause in words
 * when the log shows a known one (then the log's path), else the message followed by the
 * log's last lines, read when the failure was seen, before anything was stopped.
 */
public class StartupFailure extends RuntimeException {

	private static final int TAIL_LINES = 40;

	private final String report;

	public StartupFailure(ChildProcess process, String message) {
		super(message);
		this.report = (process != null) ? report(process, message) : message;
	}

	public StartupFailure(String message) {
		this(null, message);
	}

	private static String report(ChildProcess process, String message) {
		List<String> lines = process.linesOfLatestRun();
		Optional<String> cause = FailureCause.of(process.name(), lines);
		if (cause.isPresent()) {
			return "%s (%s). Its log: %s".formatted(cause.get(), message, process.log());
		}
		List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
		return "%s%nLast lines of %s:%n%s".formatted(message, process.log(), String.join(System.lineSeparator(), tail));
	}

	/**
	 * What to show: the cause and the log's path, or the message and the log's last
	 * lines.
	 */
	public String report() {
		return this.report;
	}

}
