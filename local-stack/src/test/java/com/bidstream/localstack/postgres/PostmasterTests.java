package com.bidstream.localstack.postgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real PostgreSQL server left running on the stack's data directory (its JVM killed) is
 * stopped with a fast shutdown: the sessions services still hold are ended by the server
 * ("terminating connection due to administrator command", SQLState 57P01), which a smart
 * shutdown would wait for, and a SIGKILL would not say.
 */
class PostmasterTests {

	@Test
	void aServerLeftRunningIsStoppedWithAFastShutdownThatEndsTheSessionsItServes(@TempDir Path dir)
			throws IOException, SQLException {
		Path data = dir.resolve("data");
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.start();
		try (Connection session = postgres.getPostgresDatabase().getConnection();
				Statement statement = session.createStatement()) {
			// an idle session, as a service's connection pool holds them
			statement.execute("select 1");
			ProcessHandle server = Postmaster.running(data).orElseThrow();

			Postmaster.stop(server);

			// removed by the server itself on a clean stop; a SIGKILL leaves it
			assertThat(data.resolve("postmaster.pid")).doesNotExist();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("select 1"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).as(ex.getMessage()).isEqualTo("57P01"));
		}
		finally {
			// zonky's pg_ctl stop finds it stopped, and logs that
			postgres.close();
		}
	}

}
