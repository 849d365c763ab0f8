package com.bidstream.localstack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import com.bidstream.contracts.Topics;
import com.bidstream.localstack.process.ChildJvm;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.JavaCommand;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.process.Supervised;

/**
 * The launcher's side of the broker: writes its configuration, starts {@link KafkaBroker}
 * in its own JVM, waits until it answers, and creates the contract's topics.
 */
public final class KafkaNode implements Supervised {

	private static final List<String> JVM_OPTIONS = ChildJvm.KAFKA.options("-Dbidstream.log.level=INFO",
			"-Dbidstream.kafka-clients.level=INFO");

	private final ChildProcess process;

	private final Path dir;

	private final int port;

	private final int controllerPort;

	private final String classpath;

	private final Path log;

	private KafkaNode(ChildProcess process, Path dir, int port, int controllerPort, String classpath, Path log) {
		this.process = process;
		this.dir = dir;
		this.port = port;
		this.controllerPort = controllerPort;
		this.classpath = classpath;
		this.log = log;
	}

	public static KafkaNode start(Path dir, int port, int controllerPort, String classpath, Path log) {
		try {
			Files.createDirectories(dir.resolve("data"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + dir, ex);
		}
		Path properties = KafkaConfig.write(dir.resolve("server.properties"),
				KafkaConfig.properties(dir.resolve("data"), port, controllerPort));
		List<String> args = List.of(properties.toString(), dir.resolve("cluster-id").toString(),
				String.valueOf(ProcessHandle.current().pid()));
		return new KafkaNode(ChildProcess.start("kafka",
				JavaCommand.mainClass(classpath, JVM_OPTIONS, KafkaBroker.class, args), log), dir, port, controllerPort,
				classpath, log);
	}

	@Override
	public ChildProcess process() {
		return this.process;
	}

	public String bootstrapServers() {
		return "localhost:" + this.port;
	}

	@Override
	public String displayName() {
		return "kafka";
	}

	@Override
	public String address() {
		return bootstrapServers();
	}

	@Override
	public boolean isUp() {
		try (Admin admin = admin()) {
			return answers(admin);
		}
	}

	/**
	 * The same broker again, on its data: a broker killed with {@code kill -9} recovers
	 * its logs at start, and its topics and the groups' offsets are there.
	 */
	@Override
	public KafkaNode startAgain() {
		return start(this.dir, this.port, this.controllerPort, this.classpath, this.log);
	}

	private Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000));
	}

	/**
	 * Waits until the broker describes its cluster, then makes sure the contract's topics
	 * exist with {@value KafkaConfig#PARTITIONS} partitions.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = admin()) {
			while (!answers(admin)) {
				if (!this.process.isAlive()) {
					throw new StartupFailure(this.process, "Kafka exited with code " + this.process.exitCode());
				}
				if (System.nanoTime() > deadline) {
					throw new StartupFailure(this.process, "Kafka did not answer within " + timeout.toSeconds() + " s");
				}
			}
			createTopics(admin);
		}
	}

	private static boolean answers(Admin admin) {
		try {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	private void createTopics(Admin admin) {
		try {
			Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<NewTopic> missing = Topics.ALL.stream()
				.filter((topic) -> !existing.contains(topic))
				.map((topic) -> new NewTopic(topic, KafkaConfig.PARTITIONS, (short) 1))
				.toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
			}
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StartupFailure(this.process, "Cannot create the topics: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topics", ex);
		}
	}

}
