package com.bidstream.localstack.process;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One process the launcher started, its output appended to {@code logs/<name>.log}.
 */
public final class ChildProcess {

	private static final int TAIL_BYTES = 64 * 1024;

	private static final String HEADER = "=== ";

	private static final File SETSID = new File("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path log;

	private volatile List<ProcessHandle> descendants;

	private ChildProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts {@code command} in its own session where the system allows it, so that a
	 * Ctrl-C in the terminal reaches only the launcher, which then stops its children in
	 * order.
	 */
	public static ChildProcess start(String name, List<String> command, Path log) {
		List<String> line = new ArrayList<>();
		if (SETSID.canExecute()) {
			// setsid execs in place (a child of the JVM is no process group leader): same
			// pid
			line.add(SETSID.getPath());
		}
		line.addAll(command);
		try {
			Files.writeString(log, ("%n" + HEADER + "%s: %s%n").formatted(Instant.now(), String.join(" ", command)),
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			return new ChildProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + ex.getMessage(), ex);
		}
	}

	public String name() {
		return this.name;
	}

	public long pid() {
		return this.process.pid();
	}

	public ProcessHandle handle() {
		return this.process.toHandle();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public int exitCode() {
		return this.process.exitValue();
	}

	public Path log() {
		return this.log;
	}

	/**
	 * Why its latest run failed, in one line, when its log says: a known cause, or the
	 * exception at the bottom of its last stack trace.
	 */
	public Optional<String> failureCause() {
		return FailureCause.inOneLine(this.name, linesOfLatestRun());
	}

	public Process process() {
		return this.process;
	}

	/**
	 * SIGTERM, then the process and whatever it started get {@code grace} to end before
	 * they are killed.
	 * @return true if it ended by itself
	 */
	public boolean stop(Duration grace) {
		requestStop();
		return awaitStop(grace);
	}

	/**
	 * Sends SIGTERM (remembering what the process started, to clean up after it).
	 */
	public void requestStop() {
		if (this.descendants == null) {
			this.descendants = this.process.descendants().toList();
		}
		this.process.destroy();
	}

	/**
	 * Waits for the process to end after {@link #requestStop()}; kills it, and anything
	 * it started that is still there, after {@code grace}.
	 * @return true if it ended by itself
	 */
	public boolean awaitStop(Duration grace) {
		boolean graceful = waitFor(grace);
		if (!graceful) {
			this.process.destroyForcibly();
			waitFor(Duration.ofSeconds(5));
		}
		if (this.descendants != null) {
			this.descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		}
		return graceful;
	}

	public boolean waitFor(Duration timeout) {
		try {
			return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * What the process logged since it was started (the end of the log when that is
	 * long): the lines after the header {@link #start} wrote.
	 */
	public List<String> linesOfLatestRun() {
		try (RandomAccessFile file = new RandomAccessFile(this.log.toFile(), "r")) {
			long from = Math.max(0, file.length() - TAIL_BYTES);
			byte[] bytes = new byte[(int) (file.length() - from)];
			file.seek(from);
			file.readFully(bytes);
			List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			int header = all.size() - 1;
			while (header >= 0 && !all.get(header).startsWith(HEADER)) {
				header--;
			}
			return all.subList(header + 1, all.size());
		}
		catch (IOException ex) {
			return List.of("(cannot read " + this.log + ": " + ex.getMessage() + ")");
		}
	}

}
