package com.bidstream.localstack;

import com.bidstream.localstack.services.Service;

/**
 * Stacks of the end-to-end tests: every port free, so that they run beside a
 * {@code ./bidstream up}.
 */
final class TestStacks {

	private TestStacks() {
	}

	static StackOptions onFreePorts(StackOptions options) {
		StackOptions free = options.withKafkaPorts(Ports.free(), Ports.free()).withPostgresPort(Ports.free());
		for (Service service : Service.values()) {
			free = free.withServicePort(service, Ports.free());
		}
		return free;
	}

}
