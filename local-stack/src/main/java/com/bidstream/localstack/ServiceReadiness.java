package com.bidstream.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.services.HealthProbe;
import com.bidstream.localstack.services.ServiceNode;

/**
 * Waits until every service's health is UP, showing each as it comes up; a service that
 * exits or stays down past the timeout fails the start with the tail of its log.
 */
final class ServiceReadiness {

	private static final Duration POLL = Duration.ofMillis(500);

	private final Console console;

	private final Duration timeout;

	ServiceReadiness(Console console, Duration timeout) {
		this.console = console;
		this.timeout = timeout;
	}

	void await(Collection<ServiceNode> nodes) {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		List<ServiceNode> waiting = new ArrayList<>(nodes);
		while (!waiting.isEmpty()) {
			for (ServiceNode node : List.copyOf(waiting)) {
				if (HealthProbe.isUp(node.url())) {
					this.console.step(node.service().id(), "UP on " + node.url());
					waiting.remove(node);
				}
				else if (!node.process().isAlive()) {
					throw new StartupFailure(node.process(), node.service().id() + "-service exited with code "
							+ node.process().exitCode() + " before it was UP");
				}
			}
			if (!waiting.isEmpty() && System.nanoTime() > deadline) {
				ServiceNode late = waiting.get(0);
				throw new StartupFailure(late.process(),
						late.service().id() + "-service was not UP within " + this.timeout.toSeconds() + " s");
			}
			if (!waiting.isEmpty()) {
				LockSupport.parkNanos(POLL.toNanos());
			}
		}
	}

}
