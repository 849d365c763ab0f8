package com.bidstream.localstack;

import java.time.Duration;
import java.util.List;

import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.services.Service;

/**
 * Stops the stack's processes in the order that loses nothing: the services first (they
 * still need the broker and the database to finish their work), then Kafka, then
 * PostgreSQL. Each group gets SIGTERM together and a grace period, then whatever is left
 * is killed.
 */
final class OrderedStop {

	/**
	 * A service stops in a few seconds; the first run of a build also writes its class
	 * data archive as it exits (services.ClassDataCache), which took 7 s for one service
	 * alone and more for four at once on two cores.
	 */
	private static final Duration SERVICE_GRACE = Duration.ofSeconds(45);

	/**
	 * A service still starting does not stop before its context is up: no point waiting
	 * long.
	 */
	private static final Duration STARTING_SERVICE_GRACE = Duration.ofSeconds(5);

	private static final Duration INFRA_GRACE = Duration.ofSeconds(30);

	private final Console console;

	OrderedStop(Console console) {
		this.console = console;
	}

	void stop(List<ChildProcess> started, boolean servicesWereUp) {
		long begin = System.nanoTime();
		this.console.line("Stopping Bidstream...");
		together(started.stream().filter((child) -> Service.ids().contains(child.name())).toList(),
				servicesWereUp ? SERVICE_GRACE : STARTING_SERVICE_GRACE);
		together(started.stream().filter((child) -> child.name().equals("kafka")).toList(), INFRA_GRACE);
		together(started.stream().filter((child) -> child.name().equals("postgres")).toList(), INFRA_GRACE);
		this.console.line("Stopped in %.1f s", (System.nanoTime() - begin) / 1e9);
	}

	private void together(List<ChildProcess> processes, Duration grace) {
		processes.forEach(ChildProcess::requestStop);
		long deadline = System.nanoTime() + grace.toNanos();
		for (ChildProcess process : processes) {
			if (process.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				this.console.line("  %-10s stopped", process.name());
			}
			else {
				this.console.line("  %-10s killed (did not stop within %d s)", process.name(), grace.toSeconds());
			}
		}
	}

}
