package com.bidstream.platform.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.testsupport.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The failures a real server shutting down gives through HikariCP and Spring's
 * transactions, as {@code pg_terminate_backend} gives them (what PostgreSQL's fast
 * shutdown sends every session: FATAL 57P01), each told as the database out of reach. A
 * commit that meets it makes HikariCP mark the connection broken, so Spring's rollback
 * after it fails with HikariCP's own {@code SQLException("Connection is closed")}, which
 * carries no SQLState: a request answered that with a 500 during a database restart.
 */
class DatabaseFailuresIntegrationTests {

	private HikariDataSource pool;

	private JdbcTemplate admin;

	private TransactionTemplate transactions;

	private JdbcTemplate jdbc;

	@BeforeEach
	void connect() {
		var database = EmbeddedInfrastructure.get().database("database_failures");
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setUsername(database.username());
		config.setPassword(database.password());
		config.setMaximumPoolSize(2);
		this.pool = new HikariDataSource(config);
		this.jdbc = new JdbcTemplate(this.pool);
		this.transactions = new TransactionTemplate(new JdbcTransactionManager(this.pool));
		this.admin = new JdbcTemplate(
				new DriverManagerDataSource(database.url(), database.username(), database.password()));
	}

	@AfterEach
	void close() {
		this.pool.close();
	}

	@Test
	void aCommitOnASessionTheServerEndedIsTheDatabaseOutOfReach() {
		Throwable failure = catchThrowable(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("create temporary table work (id int)");
			terminateOwnSession();
		}));

		assertThat(failure).isNotNull();
		assertThat(DatabaseFailures.isUnreachable(failure)).as(failure.toString()).isTrue();
		assertThat(DatabaseFailures.isContention(failure)).isFalse();
	}

	@Test
	void aStatementOnASessionTheServerEndedIsTheDatabaseOutOfReach() {
		Throwable failure = catchThrowable(() -> this.transactions.executeWithoutResult((status) -> {
			terminateOwnSession();
			this.jdbc.queryForObject("select 1", Integer.class);
		}));

		assertThat(failure).isNotNull();
		assertThat(DatabaseFailures.isUnreachable(failure)).as(failure.toString()).isTrue();
	}

	@Test
	void aFailureOfTheWorkItselfIsNot() {
		Throwable failure = catchThrowable(() -> this.transactions
			.executeWithoutResult((status) -> this.jdbc.queryForObject("select 1 / 0", Integer.class)));

		assertThat(DatabaseFailures.isUnreachable(failure)).as(String.valueOf(failure)).isFalse();
	}

	/**
	 * Ends this transaction's session from another connection, as a fast shutdown does.
	 */
	private void terminateOwnSession() {
		Integer pid = this.jdbc.queryForObject("select pg_backend_pid()", Integer.class);
		this.admin.queryForObject("select pg_terminate_backend(?)", Boolean.class, pid);
	}

}
