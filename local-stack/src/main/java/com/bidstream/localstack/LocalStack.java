package com.bidstream.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.bidstream.localstack.demo.DemoFeeder;
import com.bidstream.localstack.kafka.KafkaNode;
import com.bidstream.localstack.keys.KeysFile;
import com.bidstream.localstack.postgres.PostgresNode;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.process.Supervised;
import com.bidstream.localstack.services.ClassDataCache;
import com.bidstream.localstack.services.Service;
import com.bidstream.localstack.services.ServiceNode;

/**
 * The whole stack on one machine: PostgreSQL and Kafka in their own JVMs, then the four
 * services, each as a child process of this one; any of them that exits while the stack
 * runs is restarted ({@link Supervisor}). {@code ./bidstream up} and the end-to-end test
 * both run it through {@link #start()} and {@link #close()}.
 */
public final class LocalStack implements AutoCloseable {

	/**
	 * How long a start waits for the processes of a launcher that was killed while it
	 * stopped (PostgreSQL's takes a few seconds to stop its server).
	 */
	private static final Duration EARLIER_RUN_BOUND = Duration.ofSeconds(60);

	private final StackOptions options;

	private final Console console;

	private final List<ChildProcess> children = new ArrayList<>();

	private final Map<Service, ServiceNode> services = new EnumMap<>(Service.class);

	private DataDir data;

	private KafkaNode kafka;

	private PostgresNode postgres;

	private DemoFeeder demo;

	private EarlierRun earlier;

	private Supervisor supervisor;

	private boolean closing;

	private volatile boolean ready;

	private volatile boolean interrupted;

	private LocalStack(StackOptions options, Console console) {
		this.options = options;
		this.console = console;
	}

	/**
	 * A stack not started yet, so that a shutdown hook can hold it before it starts.
	 */
	public static LocalStack create(StackOptions options, Console console) {
		return new LocalStack(options, console);
	}

	/**
	 * Starts everything and returns once every service is UP; stops what it started and
	 * throws a {@link StartupFailure} (with the tail of the failing log) otherwise.
	 */
	public LocalStack start() {
		try {
			startAll();
			return this;
		}
		catch (RuntimeException ex) {
			this.interrupted = isClosing();
			close();
			throw ex;
		}
	}

	private void startAll() {
		this.data = DataDir.open(this.options.dataDir());
		this.earlier = new EarlierRun(this.data.pids());
		this.earlier.awaitGone(EARLIER_RUN_BOUND, this.console, this.data.root());
		int postgresPort = choosePostgresPort();
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("Kafka", this.options.kafkaPort());
		ports.put("Kafka controller", this.options.controllerPort());
		ports.put("PostgreSQL", postgresPort);
		this.options.servicePorts().forEach((service, port) -> ports.put(service.id() + "-service", port));
		Ports.requireFree(ports);
		this.data.rememberPostgresPort(postgresPort);
		new KeysFile(this.data.keys()).ensureExists();
		this.console.line("Starting Bidstream (data in %s, logs in %s)", this.data.root(),
				this.data.root().resolve("logs"));
		Map<Service, ClassDataCache.Launch> launches = new EnumMap<>(Service.class);
		ExecutorService preparing = Executors.newFixedThreadPool(Service.values().length);
		try {
			Map<Service, CompletableFuture<ClassDataCache.Launch>> jars = new EnumMap<>(Service.class);
			for (Service service : Service.values()) {
				jars.put(service, CompletableFuture
					.supplyAsync(() -> ServiceNode.prepare(service.jar(this.options.home())), preparing));
			}
			startInfrastructure(postgresPort);
			jars.forEach((service, launch) -> launches.put(service, launch.join()));
		}
		finally {
			preparing.shutdownNow();
		}
		startServices(launches);
		if (this.options.demo()) {
			this.demo = DemoFeeder.start(url(Service.INGEST), url(Service.SCORING), url(Service.TRACKING),
					this.console);
		}
		watchForUnexpectedExits();
		this.ready = true;
	}

	private int choosePostgresPort() {
		if (this.options.postgresPort() != 0) {
			return this.options.postgresPort();
		}
		int last = this.data.lastPostgresPort();
		return (last != 0 && Ports.isFree(last)) ? last : Ports.free();
	}

	private void startInfrastructure(int postgresPort) {
		String classpath = this.options.classpath();
		PostgresNode.stopLeftoverServer(this.data.postgres());
		this.postgres = register(() -> PostgresNode.start(this.data.postgres(), postgresPort, Service.ids(), classpath,
				this.data.log("postgres")), PostgresNode::process);
		this.kafka = register(() -> KafkaNode.start(this.data.kafka(), this.options.kafkaPort(),
				this.options.controllerPort(), classpath, this.data.log("kafka")), KafkaNode::process);
		CompletableFuture<Void> database = CompletableFuture.runAsync(() -> {
			this.postgres.awaitReady(this.options.startupTimeout());
			this.console.step("postgres", "ready on port " + postgresPort);
		});
		this.kafka.awaitReady(this.options.startupTimeout());
		this.console.step("kafka", "ready on " + this.kafka.bootstrapServers());
		try {
			database.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private void startServices(Map<Service, ClassDataCache.Launch> launches) {
		for (Service service : Service.values()) {
			this.services.put(service,
					register(() -> startService(service, launches.get(service)), ServiceNode::process));
		}
		describeClassData();
		new ServiceReadiness(this.console, this.options.startupTimeout()).await(this.services.values());
	}

	private synchronized Set<ChildProcess> recordingClassData() {
		return servicesStarted(ClassDataCache.Kind.RECORDING).stream()
			.map(ServiceNode::process)
			.collect(Collectors.toSet());
	}

	private synchronized List<ServiceNode> servicesStarted(ClassDataCache.Kind kind) {
		return this.services.values().stream().filter((node) -> node.launch().kind() == kind).toList();
	}

	/**
	 * Says when a start is slower than the next ones will be, and why a service runs
	 * without the class data cache.
	 */
	private void describeClassData() {
		List<String> recording = servicesStarted(ClassDataCache.Kind.RECORDING).stream()
			.map((node) -> node.service().id())
			.toList();
		if (!recording.isEmpty()) {
			this.console.line("  (%s: recording the classes loaded this time, written at the stop, so that later "
					+ "starts are faster)", String.join(", ", recording));
		}
		servicesStarted(ClassDataCache.Kind.PLAIN).forEach((node) -> this.console
			.line("  (%s starts from its executable jar: %s)", node.service().id(), node.launch().detail()));
	}

	private ServiceNode startService(Service service, ClassDataCache.Launch launch) {
		ServiceNode.Settings settings = new ServiceNode.Settings(this.options.port(service),
				this.kafka.bootstrapServers(), this.postgres.jdbcUrl(service.id()), this.data.keys(),
				this.data.service(service.id()));
		List<String> arguments = new ArrayList<>(calls(service));
		arguments.addAll(this.options.serviceArguments());
		return ServiceNode.start(service, service.jar(this.options.home()), launch, settings,
				this.data.log(service.id()), arguments);
	}

	/**
	 * Where a service finds the services it calls: the dashboard in reporting reads and
	 * writes the Queue through scoring and tracking, on whatever ports this stack gave
	 * them (the bench's too), and the health report asks each for its own health there.
	 */
	List<String> calls(Service service) {
		if (service != Service.REPORTING) {
			return List.of();
		}
		return List.of("--bidstream.reporting.scoring-url=http://localhost:" + this.options.port(Service.SCORING),
				"--bidstream.reporting.tracking-url=http://localhost:" + this.options.port(Service.TRACKING),
				"--bidstream.reporting.ingest-url=http://localhost:" + this.options.port(Service.INGEST),
				"--bidstream.reporting.health.probe-services=true");
	}

	/**
	 * Starts another child in place of one that exited (on the same ports and data),
	 * unless the stack is stopping.
	 */
	private synchronized Supervised restart(Supervised exited) {
		if (this.closing) {
			throw new StartupFailure("Stopping: no restart");
		}
		Supervised fresh = exited.startAgain();
		if (fresh instanceof ServiceNode service) {
			this.services.put(service.service(), service);
		}
		else if (fresh instanceof KafkaNode broker) {
			this.kafka = broker;
		}
		else if (fresh instanceof PostgresNode database) {
			this.postgres = database;
		}
		this.children.set(this.children.indexOf(exited.process()), fresh.process());
		this.earlier.remember(this.children);
		return fresh;
	}

	/**
	 * Starts a child unless the stack is already stopping, so that a Ctrl-C during
	 * startup never leaves a process that {@link #close()} did not see.
	 */
	private synchronized <T> T register(Supplier<T> starter, Function<T, ChildProcess> process) {
		if (this.closing) {
			throw new StartupFailure("Stopping: startup interrupted");
		}
		T node = starter.get();
		this.children.add(process.apply(node));
		this.earlier.remember(this.children);
		return node;
	}

	private void watchForUnexpectedExits() {
		this.supervisor = new Supervisor(this.console, this::restart, this::isClosing, this.options.startupTimeout());
		this.supervisor.watch(this.postgres);
		this.supervisor.watch(this.kafka);
		this.services.values().forEach(this.supervisor::watch);
	}

	public String url(Service service) {
		return "http://localhost:" + this.options.port(service);
	}

	public StackOptions options() {
		return this.options;
	}

	/**
	 * PostgreSQL's port (chosen at start when the options leave it at 0).
	 */
	public int postgresPort() {
		return this.postgres.port();
	}

	/**
	 * PostgreSQL's server itself: pg_ctl detaches it from the JVM that started it, so it
	 * is no descendant of the {@code postgres} child; its data directory names it.
	 */
	public Optional<ProcessHandle> postgresServer() {
		return this.postgres.server();
	}

	public Path dataRoot() {
		return this.data.root();
	}

	/**
	 * Every process this stack started, in start order.
	 */
	public synchronized List<ChildProcess> children() {
		return List.copyOf(this.children);
	}

	/**
	 * True when the start failed because the stack was being stopped (Ctrl-C while
	 * starting).
	 */
	public boolean wasInterrupted() {
		return this.interrupted;
	}

	private synchronized boolean isClosing() {
		return this.closing;
	}

	/**
	 * Stops the demo feed, then the services (SIGTERM; killed if still there after 20 s,
	 * 120 s for one writing its class data), then Kafka, then PostgreSQL. Safe to call
	 * twice.
	 */
	@Override
	public void close() {
		List<ChildProcess> started;
		synchronized (this) {
			if (this.closing) {
				return;
			}
			this.closing = true;
			started = List.copyOf(this.children);
		}
		if (this.supervisor != null) {
			this.supervisor.close();
		}
		if (this.demo != null) {
			this.demo.stop();
		}
		if (!started.isEmpty()) {
			new OrderedStop(this.console).stop(started, this.ready, recordingClassData());
		}
		if (this.postgres != null) {
			this.postgres.stopLeftoverServer();
		}
		if (this.data != null) {
			this.data.close();
		}
	}

}
