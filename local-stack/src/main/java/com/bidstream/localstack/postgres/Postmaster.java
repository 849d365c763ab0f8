package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server found running on a data directory, by the pid in its
 * {@code postmaster.pid}.
 */
final class Postmaster {

	private static final Logger log = LoggerFactory.getLogger(Postmaster.class);

	private static final Duration GRACE = Duration.ofSeconds(20);

	private static final Duration KILLED = Duration.ofSeconds(5);

	private Postmaster() {
	}

	static Optional<ProcessHandle> running(Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		try {
			if (!Files.isRegularFile(pidFile)) {
				return Optional.empty();
			}
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			long pid = Long.parseLong(lines.get(0).strip());
			return ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter((process) -> process.info().command().map((c) -> c.endsWith("postgres")).orElse(false));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * SIGINT, PostgreSQL's fast shutdown: it ends its clients' sessions, which services
	 * still running hold open (its smart shutdown, on SIGTERM, would wait for them), and
	 * stops cleanly, so the next start needs no recovery. SIGKILL to it and its backends
	 * after 20 seconds, and up to 5 more for that to take effect.
	 */
	static void stop(ProcessHandle server) {
		log.warn("Stopping a PostgreSQL server left running on this data directory (pid {})", server.pid());
		interrupt(server);
		if (!exited(server, GRACE)) {
			// its backends, which outlive a killed postmaster for a moment, too
			List<ProcessHandle> backends = server.descendants().toList();
			server.destroyForcibly();
			backends.forEach(ProcessHandle::destroyForcibly);
			// destroyForcibly only sends SIGKILL: wait, so that the next start does not
			// meet them still holding the port, the shared memory and the data directory
			exited(server, KILLED);
			backends.forEach((backend) -> exited(backend, KILLED));
		}
	}

	private static boolean exited(ProcessHandle server, Duration within) {
		try {
			server.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Sends SIGINT ({@link ProcessHandle} sends only SIGTERM and SIGKILL); SIGTERM when
	 * {@code kill} cannot be run.
	 */
	private static void interrupt(ProcessHandle server) {
		try {
			Process kill = new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0) {
				return;
			}
		}
		catch (IOException ex) {
			log.debug("Cannot run kill -INT {}", server.pid(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		server.destroy();
	}

}
