package com.bidstream.localstack.bench;

import java.util.ArrayList;
import java.util.List;

import com.bidstream.localstack.Console;

/**
 * The consumer bindings of some services paused for one step and resumed when it closes,
 * through Spring Cloud Stream's {@code /actuator/bindings} endpoint (exposed on the
 * bench's own stack only), so that a step measures ingest alone, as if scoring, tracking
 * and reporting ran on other machines. A paused binding finishes its batch, commits, and
 * stays in its group without taking records (no rebalance); resumed, it takes up the
 * backlog. Pausing the processes instead (SIGSTOP) froze transactions mid-way, and an
 * open transaction in any database keeps PostgreSQL from cleaning the outbox's deleted
 * rows: the relay then read further past them with every batch.
 */
final class Paused implements AutoCloseable {

	static final String EXPOSE_BINDINGS = "--management.endpoints.web.exposure.include=health,info,prometheus,metrics,bindings";

	private final BenchClient client;

	private final List<Binding> bindings = new ArrayList<>();

	private final Console console;

	private Paused(BenchClient client, Console console) {
		this.client = client;
		this.console = console;
	}

	record Binding(String serviceUrl, String name) {

	}

	/**
	 * Pauses every input binding of the services at these URLs; if one cannot be paused,
	 * those already paused are resumed before the failure is thrown.
	 */
	static Paused consumersOf(BenchClient client, List<String> serviceUrls, Console console) {
		Paused paused = new Paused(client, console);
		try {
			for (String url : serviceUrls) {
				for (String name : client.inputBindings(url)) {
					client.changeBinding(url, name, "PAUSED");
					paused.bindings.add(new Binding(url, name));
				}
			}
		}
		catch (RuntimeException ex) {
			paused.close();
			throw ex;
		}
		console.step("bench", "paused %s".formatted(paused.bindings.stream().map(Binding::name).toList()));
		return paused;
	}

	/**
	 * Resumes every binding it paused, each on its own: one that fails is named, and the
	 * others are resumed all the same.
	 */
	@Override
	public void close() {
		List<String> failed = new ArrayList<>();
		for (Binding binding : this.bindings) {
			try {
				this.client.changeBinding(binding.serviceUrl(), binding.name(), "RESUMED");
			}
			catch (RuntimeException ex) {
				failed.add(binding.name() + " (" + ex.getMessage() + ")");
			}
		}
		if (failed.isEmpty()) {
			this.console.step("bench", "resumed %d bindings".formatted(this.bindings.size()));
		}
		else {
			this.console.step("bench",
					"! could not resume %s; the stack stops after the bench anyway".formatted(failed));
		}
	}

}
