package com.bidstream.localstack.services;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.bidstream.localstack.process.ChildJvm;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.JavaCommand;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.process.Supervised;

/**
 * One service as its own JVM, connected to the local broker and its own database, with
 * the dev keys, the keys file, and the launcher's pid (the service shuts down when the
 * launcher is gone). It runs from its extracted jar, with class data shared when an
 * earlier start recorded it ({@link ClassDataCache}).
 */
public final class ServiceNode implements Supervised {

	private static final List<String> JVM_OPTIONS = ChildJvm.SERVICE.options();

	private final Service service;

	private final ChildProcess process;

	private final Path jar;

	private final Settings settings;

	private final Path log;

	private final List<String> more;

	private final ClassDataCache.Launch launch;

	private ServiceNode(Service service, ChildProcess process, Path jar, Settings settings, Path log, List<String> more,
			ClassDataCache.Launch launch) {
		this.service = service;
		this.process = process;
		this.jar = jar;
		this.settings = settings;
		this.log = log;
		this.more = List.copyOf(more);
		this.launch = launch;
	}

	/**
	 * The settings a service gets from the launcher; {@code dataDir} is the service's own
	 * directory under the stack's data directory ({@code .bidstream/<service>}).
	 */
	public record Settings(int port, String bootstrapServers, String jdbcUrl, Path keysFile, Path dataDir) {

	}

	public static ServiceNode start(Service service, Path jar, Settings settings, Path log) {
		return start(service, jar, settings, log, List.of());
	}

	/**
	 * Starts it with {@code more} arguments after the launcher's own (the other services'
	 * URLs, for one that calls them).
	 */
	public static ServiceNode start(Service service, Path jar, Settings settings, Path log, List<String> more) {
		return start(service, jar, prepare(jar), settings, log, more);
	}

	/**
	 * Starts it as {@code launch} says ({@link #prepare}, done ahead).
	 */
	public static ServiceNode start(Service service, Path jar, ClassDataCache.Launch launch, Settings settings,
			Path log, List<String> more) {
		if (!Files.isRegularFile(jar)) {
			throw new StartupFailure("No executable jar for " + service.id() + " at " + jar
					+ " (build it: ./mvnw -B -DskipTests package)");
		}
		List<String> args = new ArrayList<>(List.of("--server.port=" + settings.port(),
				"--spring.kafka.bootstrap-servers=" + settings.bootstrapServers(),
				"--spring.datasource.url=" + settings.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=postgres", "--bidstream.security.dev-keys=true",
				"--bidstream.security.keys-file=" + settings.keysFile().toAbsolutePath(),
				"--bidstream.parent-pid=" + ProcessHandle.current().pid()));
		args.addAll(ownArguments(service, settings.dataDir()));
		args.addAll(more);
		List<String> options = new ArrayList<>(JVM_OPTIONS);
		options.addAll(launch.jvmOptions());
		ChildProcess process = ChildProcess.start(service.id(), JavaCommand.jar(launch.jar(), options, args), log);
		return new ServiceNode(service, process, jar, settings, log, more, launch);
	}

	/**
	 * What only one service needs. Ingest: feeds on this machine (a stub on localhost, a
	 * scanner on the LAN) are allowed, which the SSRF guard refuses elsewhere; imports
	 * are spooled under the stack's data directory, not the system's temp directory, so
	 * that an import left running by a stop or a crash is resumed by the next start from
	 * its spooled file; feed tokens and webhook secrets are sealed with the key in
	 * {@code secrets/} ({@link SecretsKey}), made on the first start.
	 */
	static List<String> ownArguments(Service service, Path dataDir) {
		if (service == Service.INGEST) {
			return List.of("--bidstream.ingest.feeds.allow-private-addresses=true",
					"--bidstream.ingest.imports.spool-dir=" + dataDir.resolve("imports").toAbsolutePath(),
					"--spring.config.import=configtree:"
							+ SecretsKey.ensure(dataDir.resolve("secrets")).toAbsolutePath() + "/");
		}
		return List.of();
	}

	public Service service() {
		return this.service;
	}

	/**
	 * How it was started: with class data shared, recording it, or plain
	 * ({@link ClassDataCache}).
	 */
	public ClassDataCache.Launch launch() {
		return this.launch;
	}

	/**
	 * Extracts the service's jar and checks a recorded archive ahead of its start, so
	 * that the four services do it in parallel with the broker's and the database's
	 * start.
	 */
	public static ClassDataCache.Launch prepare(Path jar) {
		return ClassDataCache.prepare(jar, JVM_OPTIONS);
	}

	@Override
	public ChildProcess process() {
		return this.process;
	}

	public int port() {
		return this.settings.port();
	}

	public String url() {
		return "http://localhost:" + port();
	}

	@Override
	public String displayName() {
		return this.service.id() + "-service";
	}

	@Override
	public String address() {
		return url();
	}

	@Override
	public boolean isUp() {
		return HealthProbe.isUp(url());
	}

	@Override
	public ServiceNode startAgain() {
		return start(this.service, this.jar, this.settings, this.log, this.more);
	}

}
