package com.bidstream.localstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import com.bidstream.localstack.process.Supervised;

/**
 * Restarts a child (Kafka, PostgreSQL, a service) that exits while the stack runs, as
 * compose's {@code restart: unless-stopped} does: after a back-off that grows with each
 * failed start, and not at all once it has failed {@value #GIVE_UP_AFTER} times in a row
 * (then something is wrong that a restart will not mend, and it says so). A start fails
 * when the child dies before it is UP, or within {@link #STABLE} of coming UP again (a
 * broker that dies on a damaged segment seconds after each start), as Docker's restart
 * policy counts a container that ran less than 10 s.
 */
final class Supervisor implements AutoCloseable {

	/**
	 * The wait before the n-th restart in a row (the last one repeats).
	 */
	static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
			Duration.ofSeconds(8), Duration.ofSeconds(15));

	static final int GIVE_UP_AFTER = 5;

	/**
	 * How long a restarted child must stay UP before its failed starts are forgotten.
	 */
	static final Duration STABLE = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(500);

	private final Console console;

	private final Function<Supervised, Supervised> restarter;

	private final BooleanSupplier stopping;

	private final Duration startupTimeout;

	private final List<Duration> backoff;

	private final Duration stable;

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "bidstream-supervisor");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * @param restarter starts a new process for the service of the node that exited
	 * @param stopping true once the stack is stopping: exits are expected then
	 */
	Supervisor(Console console, Function<Supervised, Supervised> restarter, BooleanSupplier stopping,
			Duration startupTimeout) {
		this(console, restarter, stopping, startupTimeout, BACKOFF, STABLE);
	}

	Supervisor(Console console, Function<Supervised, Supervised> restarter, BooleanSupplier stopping,
			Duration startupTimeout, List<Duration> backoff, Duration stable) {
		this.backoff = List.copyOf(backoff);
		this.stable = stable;
		this.console = console;
		this.restarter = restarter;
		this.stopping = stopping;
		this.startupTimeout = startupTimeout;
	}

	/**
	 * Watches a child that is UP.
	 */
	void watch(Supervised node) {
		watch(node, false, 0);
	}

	/**
	 * Watches a child that is UP; when the supervisor restarted it (after
	 * {@code failedStarts} failed starts in a row before this one), an exit within
	 * {@link #STABLE} of now counts as one more failed start.
	 */
	private void watch(Supervised node, boolean restarted, int failedStarts) {
		long upAt = System.nanoTime();
		node.process().process().onExit().thenRun(() -> {
			if (this.stopping.getAsBoolean()) {
				return;
			}
			String how = "exited unexpectedly (code " + node.process().exitCode() + ")";
			if (restarted && System.nanoTime() - upAt < this.stable.toNanos()) {
				retryOrGiveUp(node, how + " " + this.stable.toSeconds() + " s or less after it was UP again",
						failedStarts + 1);
				return;
			}
			this.console.line("! %s %s; restarting it in %d s. Its log: %s", name(node), how,
					this.backoff.get(0).toSeconds(), node.process().log());
			restartLater(node, 0);
		});
	}

	private void restartLater(Supervised exited, int failedStarts) {
		Duration wait = this.backoff.get(Math.min(failedStarts, this.backoff.size() - 1));
		this.scheduler.schedule(() -> restart(exited, failedStarts), wait.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void restart(Supervised exited, int failedStarts) {
		if (this.stopping.getAsBoolean()) {
			return;
		}
		Supervised fresh;
		try {
			fresh = this.restarter.apply(exited);
		}
		catch (RuntimeException ex) {
			if (!this.stopping.getAsBoolean()) {
				// no process to stop: it could not even be started (a jar being rebuilt,
				// a
				// file that cannot be written)
				retryOrGiveUp(exited, "could not be started (" + ex.getMessage() + ")", failedStarts + 1);
			}
			return;
		}
		checkLater(fresh, failedStarts, System.nanoTime() + this.startupTimeout.toNanos());
	}

	private void checkLater(Supervised node, int failedStarts, long deadline) {
		this.scheduler.schedule(() -> check(node, failedStarts, deadline), POLL.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void check(Supervised node, int failedStarts, long deadline) {
		if (this.stopping.getAsBoolean()) {
			return;
		}
		if (node.isUp()) {
			this.console.line("  %s is back UP on %s", name(node), node.address());
			watch(node, true, failedStarts);
		}
		else if (node.process().isAlive() && System.nanoTime() < deadline) {
			checkLater(node, failedStarts, deadline);
		}
		else {
			failedStart(node, failedStarts + 1);
		}
	}

	private void failedStart(Supervised node, int failedStarts) {
		String how = node.process().isAlive() ? "was not UP within " + this.startupTimeout.toSeconds() + " s"
				: "exited with code " + node.process().exitCode() + " before it was UP"
						+ node.process().failureCause().map((cause) -> " (" + cause + ")").orElse("");
		node.process().stop(Duration.ofSeconds(5));
		retryOrGiveUp(node, how, failedStarts);
	}

	private void retryOrGiveUp(Supervised node, String how, int failedStarts) {
		if (failedStarts >= GIVE_UP_AFTER) {
			this.console.line(
					"! %s keeps dying at start (%s, %d times in a row): not restarting it again." + " Its log: %s",
					name(node), how, failedStarts, node.process().log());
			return;
		}
		Duration wait = this.backoff.get(Math.min(failedStarts, this.backoff.size() - 1));
		this.console.line("! %s %s; restarting it in %d s (try %d of %d)", name(node), how,
				Math.max(1, wait.toSeconds()), failedStarts + 1, GIVE_UP_AFTER);
		restartLater(node, failedStarts);
	}

	private static String name(Supervised node) {
		return node.displayName();
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

}
