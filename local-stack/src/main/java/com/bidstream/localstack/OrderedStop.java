package com.bidstream.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.services.Service;

/**
 * Stops the stack's processes in the order that loses nothing: the services first (they
 * still need the broker and the database to finish their work), then Kafka, then
 * PostgreSQL. Each group gets SIGTERM together and a grace period, then whatever is left
 * is killed.
 */
final class OrderedStop {

	private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

	/**
	 * A service that recorded its class data writes the archive as it exits
	 * (services.ClassDataCache): 7 s for one service alone here, 20 s for four at once on
	 * two cores, and over 45 s on a machine loaded ten times over.
	 */
	private static final Duration RECORDING_GRACE = Duration.ofSeconds(120);

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

	/**
	 * Stops them all; {@code recording} are the services writing their class data as they
	 * exit, which get longer.
	 */
	void stop(List<ChildProcess> started, boolean servicesWereUp, Set<ChildProcess> recording) {
		long begin = System.nanoTime();
		this.console.line("Stopping Bidstream...");
		List<ChildProcess> services = started.stream().filter((child) -> Service.ids().contains(child.name())).toList();
		List<String> writing = services.stream().filter(recording::contains).map(ChildProcess::name).toList();
		if (servicesWereUp && !writing.isEmpty()) {
			this.console.line("  (%s: writing the classes loaded, for faster starts: this stop takes longer, once)",
					String.join(", ", writing));
		}
		together(services, (service) -> !servicesWereUp ? STARTING_SERVICE_GRACE
				: recording.contains(service) ? RECORDING_GRACE : SERVICE_GRACE, recording);
		together(started.stream().filter((child) -> child.name().equals("kafka")).toList(), (child) -> INFRA_GRACE,
				Set.of());
		together(started.stream().filter((child) -> child.name().equals("postgres")).toList(), (child) -> INFRA_GRACE,
				Set.of());
		this.console.line("Stopped in %.1f s", (System.nanoTime() - begin) / 1e9);
	}

	private void together(List<ChildProcess> processes, Function<ChildProcess, Duration> grace,
			Set<ChildProcess> recording) {
		processes.forEach(ChildProcess::requestStop);
		long asked = System.nanoTime();
		for (ChildProcess process : processes) {
			Duration own = grace.apply(process);
			long deadline = asked + own.toNanos();
			if (process.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
				this.console.line("  %-10s stopped", process.name());
			}
			else if (recording.contains(process)) {
				this.console.line("  %-10s killed (did not stop within %d s): its class data was not written, "
						+ "the next start records it again", process.name(), own.toSeconds());
			}
			else {
				this.console.line("  %-10s killed (did not stop within %d s)", process.name(), own.toSeconds());
			}
		}
	}

}
