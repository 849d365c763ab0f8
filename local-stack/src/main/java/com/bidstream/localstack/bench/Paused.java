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

	private final List<Binding> bindings;

	private final Console console;

	private Paused(BenchClient client, List<Binding> bindings, Console console) {
		this.client = client;
		this.bindings = List.copyOf(bindings);
		this.console = console;
	}

	record Binding(String serviceUrl, String name) {

	}

	/**
	 * Pauses every input binding of the services at these URLs.
	 */
	static Paused consumersOf(BenchClient client, List<String> serviceUrls, Console console) {
		List<Binding> bindings = new ArrayList<>();
		for (String url : serviceUrls) {
			client.inputBindings(url).forEach((name) -> bindings.add(new Binding(url, name)));
		}
		Paused paused = new Paused(client, bindings, console);
		bindings.forEach((binding) -> client.changeBinding(binding.serviceUrl(), binding.name(), "PAUSED"));
		console.step("bench", "paused %s".formatted(bindings.stream().map(Binding::name).toList()));
		return paused;
	}

	@Override
	public void close() {
		this.bindings.forEach((binding) -> this.client.changeBinding(binding.serviceUrl(), binding.name(), "RESUMED"));
		this.console.step("bench", "resumed %d bindings".formatted(this.bindings.size()));
	}

}
