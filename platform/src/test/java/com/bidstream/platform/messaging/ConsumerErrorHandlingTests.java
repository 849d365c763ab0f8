package com.bidstream.platform.messaging;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import com.bidstream.platform.jdbc.DatabaseFailures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.never;

/**
 * What counts as the database being out of reach, and that such a failure is never
 * dead-lettered.
 */
class ConsumerErrorHandlingTests {

	@Test
	void aRollbackThatFailedOnALostConnectionIsTheDatabaseNotTheEvent() {
		// TransactionTemplate throws the rollback's exception; the work's is kept inside
		// it
		TransactionSystemException rollback = new TransactionSystemException("Could not roll back JDBC transaction",
				new SQLException("Connection is closed", "08003"));
		TransactionSystemException overriding = new TransactionSystemException("JDBC rollback failed");
		overriding.initApplicationException(new DataAccessResourceFailureException("I/O error while sending"));

		TransactionSystemException closedByThePool = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));

		assertThat(DatabaseFailures.isUnreachable(rollback)).isTrue();
		assertThat(DatabaseFailures.isUnreachable(closedByThePool)).as("HikariCP's closed connection: no SQLState")
			.isTrue();
		assertThat(DatabaseFailures.isUnreachable(new org.springframework.jdbc.UncategorizedSQLException("select",
				"select", new SQLException("Connection is closed"))))
			.as("a connection our own code used after closing it: a bug, not the database")
			.isFalse();
		assertThat(DatabaseFailures.isUnreachable(overriding)).isTrue();
		assertThat(DatabaseFailures
			.isUnreachable(new BatchListenerFailedException("x", new SQLException("shutting down", "57P01"), 0)))
			.isTrue();
	}

	@Test
	void aDeadlockOrATimeoutIsContentionWhichAConsumerAlsoRetries() {
		var deadlock = new org.springframework.dao.CannotAcquireLockException("deadlock",
				new SQLException("deadlock detected", "40P01"));
		var timeout = new org.springframework.jdbc.UncategorizedSQLException("select", "select",
				new SQLException("canceling statement due to statement timeout", "57014"));

		assertThat(DatabaseFailures.isContention(deadlock)).isTrue();
		assertThat(DatabaseFailures.isContention(timeout)).isTrue();
		assertThat(DatabaseFailures.isUnreachable(deadlock)).isTrue();
		assertThat(DatabaseFailures.isContention(new CannotCreateTransactionException("no connection"))).isFalse();
		assertThat(DatabaseFailures.isContention(
				new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key value", "23505"))))
			.isFalse();
	}

	@Test
	void aFailureOfTheEventItselfIsNot() {
		assertThat(DatabaseFailures.isUnreachable(new IllegalStateException("cannot apply"))).isFalse();
		assertThat(DatabaseFailures.isUnreachable(
				new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key value", "23505"))))
			.isFalse();
		assertThat(DatabaseFailures.isUnreachable(
				new TransactionSystemException("commit failed", new SQLException("deferred check", "23514"))))
			.isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRecordWhoseLastFailureIsTheDatabaseIsNotDeadLetteredButAnEventsOwnFailureIs() {
		KafkaOperations<Object, Object> deadLetters = mock(KafkaOperations.class);
		var recoverer = ConsumerErrorHandling.create(deadLetters).recoverer("reporting");
		ConsumerRecord<Object, Object> record = new ConsumerRecord<>("listings.scored", 0, 11084L, "k", "v");

		assertThatIllegalStateException()
			.isThrownBy(() -> recoverer.accept(record,
					new BatchListenerFailedException("x",
							new CannotCreateTransactionException("Could not open JDBC Connection for transaction"), 0)))
			.withMessageContaining("database is out of reach");
		verify(deadLetters, never()).send(any(ProducerRecord.class));

		given(deadLetters.send(any(ProducerRecord.class)))
			.willReturn(CompletableFuture.completedFuture(new SendResult<>(null, null)));
		recoverer.accept(record, new IllegalStateException("cannot apply an event of agency poison"));
		verify(deadLetters).send(any(ProducerRecord.class));
	}

}
