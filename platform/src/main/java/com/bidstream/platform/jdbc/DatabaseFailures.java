package com.bidstream.platform.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells the database being out of reach from a failure of the work itself, for every
 * place that treats the two apart: a consumer retries the first without limit, a request
 * answers it 503.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * True when the failure is the database being out of reach (a restart, a failover, a
	 * connection cut), not the event: Spring's resource and transient failures, a
	 * transaction that could not begin, a JDBC connection error (SQLState class 08, or
	 * 57P: the server shutting down), and a commit or rollback that failed on such a
	 * connection (the pool's refusal of a connection it found broken included), whose own
	 * exception then hides the one the work threw.
	 */
	public static boolean isUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| (cause instanceof SQLException sql && connectionLost(sql.getSQLState()))) {
				return true;
			}
			if (cause instanceof TransactionSystemException ended && ended.getCause() instanceof SQLException sql
					&& closedByThePool(sql)) {
				return true;
			}
			if (cause instanceof TransactionSystemException ended && ended.getApplicationException() != null
					&& isUnreachable(ended.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * True when the database was reachable but the work lost to other work or ran out of
	 * time: a deadlock, a serialization failure, a lock not granted, a statement timeout
	 * (SQLState 40001, 40P01, 55P03, 57014, or Spring's translation of them). Like the
	 * database being out of reach, nothing was changed and trying again may succeed, so
	 * {@link #isUnreachable} counts these too; a request tells the client which it was.
	 */
	public static boolean isContention(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConcurrencyFailureException || cause instanceof QueryTimeoutException
					|| (cause instanceof SQLException sql && contended(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static boolean contended(@Nullable String sqlState) {
		return "40001".equals(sqlState) || "40P01".equals(sqlState) || "55P03".equals(sqlState)
				|| "57014".equals(sqlState);
	}

	/**
	 * HikariCP marks a connection broken when a statement or a commit on it fails with a
	 * connection error (57P01 when the server shuts down), and answers anything asked of
	 * it afterwards, Spring's rollback after the failed commit included, with
	 * {@code SQLException("Connection is closed")} and no SQLState, which Spring leaves
	 * untranslated (a {@code TransactionSystemException}, "JDBC rollback failed"). Only
	 * there: HikariCP says the same of a connection our own code used after closing it, a
	 * bug that a consumer must not retry without end.
	 */
	private static boolean closedByThePool(SQLException failure) {
		return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
	}

	private static boolean connectionLost(@Nullable String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

}
