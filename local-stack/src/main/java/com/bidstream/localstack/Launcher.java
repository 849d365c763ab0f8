package com.bidstream.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import com.bidstream.localstack.bench.Bench;
import com.bidstream.localstack.bench.BenchSettings;
import com.bidstream.localstack.keys.KeyCommand;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.services.SecretsKey;
import com.bidstream.localstack.services.Service;

/**
 * {@code ./bidstream}: {@code up [--demo]}, {@code down}, {@code key create},
 * {@code bench}, {@code help}. The repository root (where the services' jars are) comes
 * from {@code -Dbidstream.home}, else the current directory.
 */
public final class Launcher {

	private static final Set<String> FLAGS = Set.of("demo", "help", "million", "import-million", "cold");

	private static final Set<String> STACK_OPTIONS = Set.of("data-dir", "kafka-port", "controller-port",
			"postgres-port", "ingest-port", "scoring-port", "tracking-port", "reporting-port", "timeout");

	private static final Set<String> UP_OPTIONS = union(STACK_OPTIONS, Set.of("demo"));

	private static final Set<String> BENCH_OPTIONS = union(STACK_OPTIONS, Set.of("listings", "million", "raw-records",
			"rate", "seconds", "max-minutes", "import", "import-million", "warm-up", "cold"));

	/**
	 * The bench runs its own stack beside a {@code ./bidstream up} on the default ports:
	 * Kafka 19092/19093, services 18081-18084.
	 */
	private static final int BENCH_PORT_OFFSET = 10_000;

	private static final Set<String> KEY_OPTIONS = Set.of("agency", "role", "data-dir");

	/** Every option some command takes, so that a misspelt one is named as such. */
	private static final Set<String> OPTIONS = union(union(BENCH_OPTIONS, UP_OPTIONS),
			union(KEY_OPTIONS, Set.of("wait")));

	private Launcher() {
	}

	public static void main(String[] args) throws InterruptedException {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) throws InterruptedException {
		Console console = new Console(out);
		Arguments arguments;
		try {
			arguments = Arguments.parse(args, FLAGS, OPTIONS, System.getenv());
			List<String> words = arguments.words();
			// before any command: "./bidstream down --help" asks what down does, and must
			// not stop the stack
			if (words.isEmpty() || words.equals(List.of("help")) || arguments.flag("help")) {
				out.print(Help.TEXT);
				return words.isEmpty() && !arguments.flag("help") ? 2 : 0;
			}
			if (words.equals(List.of("up"))) {
				return up(options(arguments), console);
			}
			if (words.equals(List.of("bench"))) {
				return bench(arguments, console);
			}
			if (words.equals(List.of("down"))) {
				// up's options are taken and need not be: the stack is found by its data
				// directory ("down with the same flags as up" was refused)
				requireOnly(arguments, union(STACK_OPTIONS, Set.of("wait")));
				return Down.run(dataDir(arguments, home()), Duration.ofSeconds(arguments.seconds("wait", 240)),
						console);
			}
			if (words.equals(List.of("key", "create"))) {
				requireOnly(arguments, KEY_OPTIONS);
				Path keys = dataDir(arguments, home()).resolve("keys");
				return KeyCommand.create(keys, arguments.option("agency").orElse(null),
						arguments.option("role").orElse(null), out);
			}
			if (words.equals(List.of("secrets-key", "rotate"))) {
				requireOnly(arguments, Set.of("data-dir"));
				Path secrets = SecretsKey.rotate(dataDir(arguments, home()));
				out.println("A new key seals feed tokens and webhook secrets from ingest's next start, which seals");
				out.println("the stored ones again with it; the old key stays in " + secrets + "/");
				out.println("bidstream.ingest.previous-secrets-keys until you delete that file after that start.");
				return 0;
			}
			throw new IllegalArgumentException("Unknown command: " + String.join(" ", words));
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			out.println("See ./bidstream help");
			return 2;
		}
	}

	private static int up(StackOptions options, Console console) throws InterruptedException {
		LocalStack stack = LocalStack.create(options, console);
		Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bidstream-stop"));
		try {
			stack.start();
		}
		catch (StartupFailure ex) {
			if (stack.wasInterrupted()) {
				// stopped by Ctrl-C or SIGTERM while starting: nothing failed
				return 130;
			}
			console.line("");
			console.line("Bidstream did not start: " + ex.report());
			return 1;
		}
		Banner.print(stack, console);
		new CountDownLatch(1).await();
		return 0;
	}

	static StackOptions options(Arguments arguments) {
		requireOnly(arguments, UP_OPTIONS);
		return stackOptions(arguments, dataDir(arguments, home()), 0).withDemo(arguments.flag("demo"));
	}

	private static int bench(Arguments arguments, Console console) throws InterruptedException {
		requireOnly(arguments, BENCH_OPTIONS);
		int listings = arguments.flag("million") ? 1_000_000 : arguments.count("listings", 100_000, 10_000_000);
		BenchSettings settings = new BenchSettings(listings, arguments.count("raw-records", 500_000, 50_000_000),
				arguments.count("rate", 1000, 100_000), arguments.seconds("seconds", 30),
				Duration.ofMinutes(arguments.count("max-minutes", 5, 24 * 60)),
				arguments.flag("import-million") ? 1_000_000 : arguments.count("import", 200_000, 10_000_000),
				home().resolve("target").resolve("bench"), arguments.option("data-dir").isEmpty(),
				arguments.flag("cold") ? 0 : arguments.count("warm-up", 20_000, 1_000_000));
		return Bench.run(settings, stackOptions(arguments, benchDataDir(arguments), BENCH_PORT_OFFSET), console);
	}

	/**
	 * {@code --data-dir}, else a scratch directory that the bench deletes at the end.
	 */
	private static Path benchDataDir(Arguments arguments) {
		if (arguments.option("data-dir").isPresent()) {
			return dataDir(arguments, home());
		}
		try {
			return Files.createTempDirectory("bidstream-bench-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a scratch data directory", ex);
		}
	}

	private static StackOptions stackOptions(Arguments arguments, Path dataDir, int portOffset) {
		StackOptions options = StackOptions.defaults(home())
			.withDataDir(dataDir)
			.withKafkaPorts(arguments.port("kafka-port", 9092 + portOffset),
					arguments.port("controller-port", 9093 + portOffset))
			.withPostgresPort(arguments.port("postgres-port", 0));
		for (Service service : Service.values()) {
			options = options.withServicePort(service,
					arguments.port(service.id() + "-port", service.defaultPort() + portOffset));
		}
		if (arguments.option("timeout").isPresent()) {
			options = options.withStartupTimeout(Duration.ofSeconds(arguments.seconds("timeout", 180)));
		}
		return options;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new HashSet<>(a);
		all.addAll(b);
		return Set.copyOf(all);
	}

	private static void requireOnly(Arguments arguments, Set<String> allowed) {
		Set<String> unknown = new HashSet<>(arguments.names());
		unknown.removeAll(allowed);
		unknown.remove("help");
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Unknown option: --" + String.join(", --", unknown));
		}
	}

	private static Path dataDir(Arguments arguments, Path home) {
		return arguments.option("data-dir")
			.map((dir) -> Path.of(dir).toAbsolutePath().normalize())
			.orElse(home.resolve(".bidstream"));
	}

	private static Path home() {
		String home = System.getProperty("bidstream.home");
		return Path.of((home != null) ? home : "").toAbsolutePath().normalize();
	}

}
