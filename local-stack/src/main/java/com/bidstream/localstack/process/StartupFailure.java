package com.bidstream.localstack.process;

/**
 * A component that did not come up; carries the tail of its log (as it was when the
 * failure was seen, before anything was stopped) for the person at the terminal.
 */
public class StartupFailure extends RuntimeException {

	private static final int TAIL_LINES = 40;

	private final String report;

	public StartupFailure(ChildProcess process, String message) {
		super(message);
		this.report = (process != null)
				? "%s%nLast lines of %s:%n%s".formatted(message, process.log(), process.tail(TAIL_LINES)) : message;
	}

	public StartupFailure(String message) {
		this(null, message);
	}

	/**
	 * The message, followed by the last lines of the process's log when there is one.
	 */
	public String report() {
		return this.report;
	}

}
