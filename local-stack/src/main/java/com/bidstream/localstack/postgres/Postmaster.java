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
	 * SIGTERM (PostgreSQL's smart shutdown: no client is left once the services are
	 * gone), then SIGKILL after 20 seconds.
	 */
	static void stop(ProcessHandle server) {
		log.warn("Stopping a PostgreSQL server left running on this data directory (pid {})", server.pid());
		server.destroy();
		try {
			server.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			server.destroyForcibly();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			server.destroyForcibly();
		}
	}

}
