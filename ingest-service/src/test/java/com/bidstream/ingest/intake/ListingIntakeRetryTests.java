package com.bidstream.ingest.intake;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.platform.messaging.Outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A write that loses to a concurrent batch's locks (PostgreSQL aborts one of two
 * deadlocked transactions) is written again, at most {@link ListingIntake#WRITE_ATTEMPTS}
 * times in all; any other failure is not tried again.
 */
class ListingIntakeRetryTests {

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	private final ListingIntake intake = new ListingIntake(mock(ListingVersions.class), mock(Outbox.class),
			this.transactions, new SimpleMeterRegistry(), Clock.systemUTC());

	private final AtomicInteger committed = new AtomicInteger();

	@Test
	void aWriteThatLostToAConcurrentBatchIsWrittenAgain() {
		given(this.transactions.execute(any())).willThrow(new CannotAcquireLockException("deadlock detected"))
			.willThrow(new CannotAcquireLockException("deadlock detected"))
			.willAnswer((call) -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));

		IntakeReport report = this.intake.submit("demo", List.of(), (written) -> this.committed.incrementAndGet());

		assertThat(report.accepted()).isZero();
		assertThat(this.committed).hasValue(1);
		verify(this.transactions, times(ListingIntake.WRITE_ATTEMPTS)).execute(any());
	}

	@Test
	void afterThreeLossesTheFailureGoesToTheCaller() {
		given(this.transactions.execute(any())).willThrow(new CannotAcquireLockException("deadlock detected"));

		assertThatExceptionOfType(CannotAcquireLockException.class)
			.isThrownBy(() -> this.intake.submit("demo", List.of(), (written) -> this.committed.incrementAndGet()));
		verify(this.transactions, times(ListingIntake.WRITE_ATTEMPTS)).execute(any());
	}

	@Test
	void anyOtherFailureIsNotTriedAgain() {
		given(this.transactions.execute(any())).willThrow(new DataIntegrityViolationException("check violated"));

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.intake.submit("demo", List.of(), (written) -> this.committed.incrementAndGet()));
		verify(this.transactions, times(1)).execute(any());
	}

}
