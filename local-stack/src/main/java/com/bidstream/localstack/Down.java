package com.bidstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./bidstream down}: stops the {@code ./bidstream up} that holds a data directory
 * the way Ctrl-C does (SIGTERM to the launcher, which stops everything it started in
 * order) and waits until it has exited, so a stack started in the background needs no
 * {@code ps} to stop.
 */
final class Down {

	private Down() {
	}

	/**
	 * @return 0 when the stack stopped, or none ran; 1 when it did not stop in time or
	 * the directory's holder is not a launcher
	 */
	static int run(Path dataDir, Duration patience, Console console) throws InterruptedException {
		OptionalLong pid;
		try {
			pid = DataDir.runningLauncher(dataDir);
		}
		catch (UncheckedIOException ex) {
			console.line(ex.getMessage() + ": " + ex.getCause().getMessage());
			return 1;
		}
		if (pid.isEmpty()) {
			console.line("No ./bidstream up is running on " + dataDir + ": nothing to stop.");
			return 0;
		}
		Instant written = pidWritten(dataDir);
		// only a launcher whose JVM started before the pid file was written: never a
		// reused pid, nor a pid file an earlier run left behind
		Optional<ProcessHandle> launcher = ProcessHandle.of(pid.getAsLong())
			.filter((process) -> process.info()
				.commandLine()
				.map((line) -> line.contains(Launcher.class.getName()))
				.orElse(false))
			.filter((process) -> process.info()
				.startInstant()
				.map((started) -> !started.isAfter(written.plusSeconds(1)))
				.orElse(false));
		if (launcher.isEmpty()) {
			console.line("Process " + pid.getAsLong() + " holds " + dataDir
					+ " but is not a Bidstream launcher that this user can see, or not the one that wrote"
					+ " launcher.pid: not stopping it. If a launcher has just started, try again.");
			return 1;
		}
		console.line("Stopping ./bidstream up (pid " + pid.getAsLong() + ") on " + dataDir + " ...");
		long started = System.nanoTime();
		launcher.get().destroy();
		try {
			launcher.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			console.line("It is still stopping after " + patience.toSeconds() + " s; its log is "
					+ dataDir.resolve("logs") + ". Run ./bidstream down again to wait longer.");
			return 1;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		console.line(String.format(java.util.Locale.ROOT, "Stopped in %.1f s.", (System.nanoTime() - started) / 1e9));
		return 0;
	}

	private static Instant pidWritten(Path dataDir) {
		try {
			return Files.getLastModifiedTime(dataDir.resolve(DataDir.LAUNCHER_PID)).toInstant();
		}
		catch (IOException ex) {
			// no pid file yet: the launcher has just taken the lock
			return Instant.MIN;
		}
	}

}
