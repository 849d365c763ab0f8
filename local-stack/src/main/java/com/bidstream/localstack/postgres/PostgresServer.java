package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bidstream.localstack.process.ParentWatch;

/**
 * PostgreSQL's own JVM:
 * {@code PostgresServer <data dir> <port> <launcher pid> <database>...}. Runs zonky's
 * PostgreSQL on a data directory it keeps (created on the first start), creates the
 * missing databases, and stops the server on SIGTERM or when the launcher is gone.
 */
public final class PostgresServer {

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	private PostgresServer() {
	}

	public static void main(String[] args) throws IOException, SQLException, InterruptedException {
		if (args.length < 4) {
			throw new IllegalArgumentException("usage: PostgresServer <data dir> <port> <parent pid> <database>...");
		}
		ParentWatch.exitWhenGone(Long.parseLong(args[2]));
		Path data = Path.of(args[0]);
		Path binaries = data.resolveSibling("binaries");
		Binaries.removeUnfinished(binaries);
		DataDirectory.setAsideUnfinished(data);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			// unpacked next to the data, not in the shared temp directory: what another
			// program (a test run) left there never decides whether this start works
			.setOverrideWorkingDirectory(binaries.toFile())
			.setPort(Integer.parseInt(args[1]))
			// zonky turns both off for tests (fsync with -F); here an accepted write must
			// survive a crash of the machine, not only of a process. Later options win.
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("fsync", "on")
			.setServerConfig("max_connections", "200")
			// a client left idle inside a transaction (a psql session, a frozen
			// process) would keep PostgreSQL from cleaning up the outboxes' deleted
			// rows for as long as it stays: its session ends after 10 minutes
			.setServerConfig("idle_in_transaction_session_timeout", "10min")
			.setPGStartupWait(Duration.ofSeconds(60))
			.start();
		createMissing(postgres, Arrays.asList(args).subList(3, args.length));
		log.info("PostgreSQL ready on port {}", postgres.getPort());
		// zonky's shutdown hook stops the server ("pg_ctl stop -m fast") when this JVM
		// ends. The server runs detached from this JVM: should it end by itself (a crash,
		// kill -9), this JVM ends too, so that the launcher starts it again.
		Optional<ProcessHandle> server = Postmaster.running(data);
		if (server.isEmpty()) {
			new CountDownLatch(1).await();
		}
		server.get().onExit().join();
		if (!shuttingDown()) {
			log.error("PostgreSQL's server (pid {}) ended while the stack was running; the launcher starts it "
					+ "again and the services wait for it", server.get().pid());
			System.exit(1);
		}
		new CountDownLatch(1).await();
	}

	/**
	 * Whether this JVM is stopping (its shutdown hooks, zonky's among them, are running):
	 * a hook can no longer be added then.
	 */
	private static boolean shuttingDown() {
		try {
			Thread probe = new Thread(() -> {
			});
			Runtime.getRuntime().addShutdownHook(probe);
			Runtime.getRuntime().removeShutdownHook(probe);
			return false;
		}
		catch (IllegalStateException ex) {
			return true;
		}
	}

	private static void createMissing(EmbeddedPostgres postgres, List<String> databases) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			for (String database : databases) {
				if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
					throw new IllegalArgumentException("Not a plain database name: " + database);
				}
				if (!exists(connection, database)) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("create database " + database);
					}
					log.info("Created database {}", database);
				}
			}
		}
	}

	private static boolean exists(Connection connection, String database) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			query.setString(1, database);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
