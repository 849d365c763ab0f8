package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import com.bidstream.localstack.process.ChildJvm;
import com.bidstream.localstack.process.ChildProcess;
import com.bidstream.localstack.process.JavaCommand;
import com.bidstream.localstack.process.StartupFailure;
import com.bidstream.localstack.process.Supervised;

/**
 * The launcher's side of PostgreSQL: starts {@link PostgresServer} in its own JVM and
 * waits until every database it creates answers.
 */
public final class PostgresNode implements Supervised {

	private static final List<String> JVM_OPTIONS = ChildJvm.POSTGRES.options("-Dbidstream.log.level=INFO");

	private static final String USER = "postgres";

	private final ChildProcess process;

	private final Path dir;

	private final int port;

	private final List<String> databases;

	private final String classpath;

	private final Path log;

	private PostgresNode(ChildProcess process, Path dir, int port, List<String> databases, String classpath, Path log) {
		this.process = process;
		this.dir = dir;
		this.port = port;
		this.databases = List.copyOf(databases);
		this.classpath = classpath;
		this.log = log;
	}

	public static PostgresNode start(Path dir, int port, List<String> databases, String classpath, Path log) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + dir, ex);
		}
		List<String> args = new ArrayList<>(List.of(dir.resolve("data").toString(), String.valueOf(port),
				String.valueOf(ProcessHandle.current().pid())));
		args.addAll(databases);
		ChildProcess process = ChildProcess.start("postgres",
				JavaCommand.mainClass(classpath, JVM_OPTIONS, PostgresServer.class, args), log);
		return new PostgresNode(process, dir, port, databases, classpath, log);
	}

	@Override
	public ChildProcess process() {
		return this.process;
	}

	@Override
	public String displayName() {
		return "postgres";
	}

	@Override
	public String address() {
		return "port " + this.port;
	}

	@Override
	public boolean isUp() {
		return answers(jdbcUrl(this.databases.get(this.databases.size() - 1)));
	}

	/**
	 * The same server again, on its data, after its JVM or its server ended: a server
	 * still running without its JVM is stopped first. PostgreSQL recovers from its WAL at
	 * start, so what was committed is there.
	 */
	@Override
	public PostgresNode startAgain() {
		stopLeftoverServer();
		return start(this.dir, this.port, this.databases, this.classpath, this.log);
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	/**
	 * The PostgreSQL server runs detached from its JVM (zonky starts it so); should that
	 * JVM have been killed, the server is stopped here by the pid in its own
	 * {@code postmaster.pid}, so the next start finds the data directory free.
	 */
	public void stopLeftoverServer() {
		stopLeftoverServer(this.dir);
	}

	/**
	 * The PostgreSQL server running on this node's data directory, if one is.
	 */
	public Optional<ProcessHandle> server() {
		return Postmaster.running(this.dir.resolve("data"));
	}

	public static void stopLeftoverServer(Path dir) {
		Postmaster.running(dir.resolve("data")).ifPresent(Postmaster::stop);
	}

	/**
	 * Waits until the last database is there: the server creates them in order once it
	 * runs.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!isUp()) {
			if (!this.process.isAlive()) {
				throw new StartupFailure(this.process, "PostgreSQL exited with code " + this.process.exitCode());
			}
			if (System.nanoTime() > deadline) {
				throw new StartupFailure(this.process,
						"PostgreSQL did not answer within " + timeout.toSeconds() + " s");
			}
			LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
		}
	}

	private static boolean answers(String url) {
		try (Connection connection = DriverManager.getConnection(url, USER, USER)) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
