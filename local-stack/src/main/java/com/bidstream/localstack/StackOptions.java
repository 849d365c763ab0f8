package com.bidstream.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.bidstream.localstack.services.Service;

/**
 * How to run the stack: where the repository (with the services' jars) and the data are,
 * the ports, the classpath of the broker's and the database's JVMs, and whether to feed
 * demo data. {@code postgresPort} 0 means any free port.
 */
public record StackOptions(Path home, Path dataDir, int kafkaPort, int controllerPort, int postgresPort,
		Map<Service, Integer> servicePorts, String classpath, boolean demo, Duration startupTimeout,
		List<String> serviceArguments) {

	public StackOptions {
		servicePorts = Map.copyOf(servicePorts);
		serviceArguments = List.copyOf(serviceArguments);
	}

	/**
	 * The defaults of the contract: Kafka 9092 (controller 9093), services 8081-8084,
	 * data in {@code <home>/.bidstream}, the broker on this JVM's own classpath.
	 */
	public static StackOptions defaults(Path home) {
		Map<Service, Integer> ports = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			ports.put(service, service.defaultPort());
		}
		return new StackOptions(home, home.resolve(".bidstream"), 9092, 9093, 0, ports,
				System.getProperty("java.class.path"), false, Duration.ofSeconds(180), List.of());
	}

	public int port(Service service) {
		return this.servicePorts.get(service);
	}

	public StackOptions withDataDir(Path dir) {
		return new StackOptions(this.home, dir, this.kafkaPort, this.controllerPort, this.postgresPort,
				this.servicePorts, this.classpath, this.demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withKafkaPorts(int kafka, int controller) {
		return new StackOptions(this.home, this.dataDir, kafka, controller, this.postgresPort, this.servicePorts,
				this.classpath, this.demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withPostgresPort(int port) {
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, port, this.servicePorts,
				this.classpath, this.demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withServicePort(Service service, int port) {
		Map<Service, Integer> ports = new EnumMap<>(this.servicePorts);
		ports.put(service, port);
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, this.postgresPort, ports,
				this.classpath, this.demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withClasspath(String classpath) {
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, this.postgresPort,
				this.servicePorts, classpath, this.demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withDemo(boolean demo) {
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, this.postgresPort,
				this.servicePorts, this.classpath, demo, this.startupTimeout, this.serviceArguments);
	}

	public StackOptions withStartupTimeout(Duration timeout) {
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, this.postgresPort,
				this.servicePorts, this.classpath, this.demo, timeout, this.serviceArguments);
	}

	/**
	 * Arguments every service gets after the launcher's own (the bench exposes the
	 * actuator's bindings endpoint so, to pause consumers).
	 */
	public StackOptions withServiceArguments(List<String> arguments) {
		return new StackOptions(this.home, this.dataDir, this.kafkaPort, this.controllerPort, this.postgresPort,
				this.servicePorts, this.classpath, this.demo, this.startupTimeout, arguments);
	}

}
