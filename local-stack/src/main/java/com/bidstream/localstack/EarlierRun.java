package com.bidstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.StartupFailure;

/**
 * The processes a launcher started on a data directory, kept in its {@code pids} file. A
 * launcher killed while it stopped leaves children that are still shutting down (each
 * ends by itself once the launcher is gone, but PostgreSQL's takes a few seconds to stop
 * its server): the next start waits for them, within a bound, instead of failing on a
 * data directory they still hold.
 */
final class EarlierRun {

	private final Path file;

	EarlierRun(Path file) {
		this.file = file;
	}

	/**
	 * One process: its name, pid and start time (so that a reused pid is not mistaken for
	 * it).
	 */
	record Entry(String name, long pid, long startedAtMillis) {

		static Entry of(String name, ProcessHandle process) {
			return new Entry(name, process.pid(), startedAt(process).orElse(0L));
		}

		Optional<ProcessHandle> running() {
			return ProcessHandle.of(this.pid)
				.filter(ProcessHandle::isAlive)
				.filter((process) -> startedAt(process).map((at) -> at == this.startedAtMillis).orElse(true));
		}

		private static Optional<Long> startedAt(ProcessHandle process) {
			return process.info().startInstant().map(Instant::toEpochMilli);
		}

		@Override
		public String toString() {
			return this.name + " (pid " + this.pid + ")";
		}

	}

	/**
	 * Remembers the processes running now, replacing what was there.
	 */
	void remember(List<ChildProcess> children) {
		String lines = children.stream()
			.map((child) -> Entry.of(child.name(), child.handle()))
			.map((entry) -> entry.name() + " " + entry.pid() + " " + entry.startedAtMillis() + "\n")
			.collect(Collectors.joining());
		try {
			Path next = this.file.resolveSibling(this.file.getFileName() + ".next");
			Files.writeString(next, lines, StandardCharsets.UTF_8);
			Files.move(next, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
	}

	/**
	 * The processes of an earlier run that are still running.
	 */
	List<Entry> stillRunning() {
		if (!Files.isRegularFile(this.file)) {
			return List.of();
		}
		List<Entry> running = new ArrayList<>();
		try {
			for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
				String[] parts = line.strip().split(" ");
				if (parts.length == 3) {
					Entry entry = new Entry(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]));
					entry.running().ifPresent((process) -> running.add(entry));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			// a file cut short by a crash: nothing to wait for that it can name
		}
		return running;
	}

	/**
	 * Waits up to {@code bound} for the earlier run's processes to end; fails in one
	 * line, naming them, when they do not.
	 */
	void awaitGone(Duration bound, Console console, Path dataDir) {
		List<Entry> running = stillRunning();
		if (running.isEmpty()) {
			return;
		}
		console.line("Waiting up to %d s for an earlier Bidstream on %s to finish stopping: %s", bound.toSeconds(),
				dataDir, describe(running));
		long deadline = System.nanoTime() + bound.toNanos();
		for (Entry entry : running) {
			entry.running().ifPresent((process) -> awaitExit(process, deadline));
		}
		List<Entry> left = stillRunning();
		if (!left.isEmpty()) {
			throw new StartupFailure("Another Bidstream still holds " + dataDir + ": " + describe(left)
					+ " did not stop within " + bound.toSeconds() + " s (stop it, or use another --data-dir)");
		}
	}

	private static void awaitExit(ProcessHandle process, long deadline) {
		try {
			process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// reported by the caller, which looks again
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StartupFailure("Stopping: startup interrupted");
		}
	}

	private static String describe(List<Entry> entries) {
		return entries.stream().map(Entry::toString).collect(Collectors.joining(", "));
	}

}
