package com.bidstream.localstack;

import java.io.File;
import java.nio.file.Path;

import com.bidstream.localstack.services.Service;

/**
 * Stacks of the end-to-end tests: every port free, so that they run beside a
 * {@code ./bidstream up}.
 */
final class TestStacks {

	/**
	 * The repository's root (the tests run in {@code local-stack/}).
	 */
	static final Path HOME = Path.of("").toAbsolutePath().getParent();

	private TestStacks() {
	}

	/**
	 * A stack as {@code ./bidstream up} runs it, from this module's built classes and
	 * runtime libraries, on free ports, with its data under {@code dir}.
	 */
	static StackOptions in(Path dir) {
		return onFreePorts(StackOptions.defaults(HOME)).withDataDir(dir.resolve("bidstream"))
			.withClasspath(HOME.resolve("local-stack/target/classes") + File.pathSeparator
					+ HOME.resolve("local-stack/target/lib/*"));
	}

	static StackOptions onFreePorts(StackOptions options) {
		StackOptions free = options.withKafkaPorts(Ports.free(), Ports.free()).withPostgresPort(Ports.free());
		for (Service service : Service.values()) {
			free = free.withServicePort(service, Ports.free());
		}
		return free;
	}

}
