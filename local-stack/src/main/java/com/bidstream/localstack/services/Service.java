package com.bidstream.localstack.services;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The four services, their default ports (contract section 1) and where their executable
 * jars are built.
 */
public enum Service {

	INGEST("ingest", 8081, "/api/v1/listings"), SCORING("scoring", 8082, "/api/v1/scores"),
	TRACKING("tracking", 8083, "/api/v1/pursuits"), REPORTING("reporting", 8084, "/api/v1/reports/funnel");

	private final String id;

	private final int defaultPort;

	private final String api;

	Service(String id, int defaultPort, String api) {
		this.id = id;
		this.defaultPort = defaultPort;
		this.api = api;
	}

	/**
	 * The short name: process, log file, database and consumer group are all named after
	 * it.
	 */
	public String id() {
		return this.id;
	}

	public int defaultPort() {
		return this.defaultPort;
	}

	/**
	 * The main API path, to print next to the service's URL.
	 */
	public String api() {
		return this.api;
	}

	/**
	 * The ids of all services, in start order.
	 */
	public static List<String> ids() {
		return Arrays.stream(values()).map(Service::id).toList();
	}

	public Path jar(Path home) {
		String module = this.id + "-service";
		return home.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar");
	}

}
