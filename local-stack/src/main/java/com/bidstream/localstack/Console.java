package com.bidstream.localstack;

import java.io.PrintStream;
import java.util.Locale;

/**
 * What the person at the terminal reads: one line per step, with the seconds since the
 * start. (The launcher is a command-line tool: this is its user interface, not its log.)
 */
public final class Console {

	private final PrintStream out;

	private final long startedAt = System.nanoTime();

	public Console(PrintStream out) {
		this.out = out;
	}

	public double elapsedSeconds() {
		return (System.nanoTime() - this.startedAt) / 1e9;
	}

	public synchronized void step(String component, String what) {
		this.out.printf(Locale.ROOT, "  %-10s %-46s %6.1f s%n", component, what, elapsedSeconds());
		this.out.flush();
	}

	public synchronized void line(String text) {
		this.out.println(text);
		this.out.flush();
	}

	public synchronized void line(String format, Object... args) {
		this.out.println(String.format(Locale.ROOT, format, args));
		this.out.flush();
	}

}
