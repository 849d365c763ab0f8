package com.bidstream.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.bidstream.platform.messaging.OutboxCursor.Move;
import com.bidstream.platform.messaging.OutboxRelayTests.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCursorTests {

	final MovableClock clock = new MovableClock();

	final OutboxCursor cursor = new OutboxCursor(this.clock, Duration.ofSeconds(5), Duration.ofSeconds(30));

	@Test
	void itMovesOverEveryIdReadAndSettledInARow() {
		at(10);

		assertThat(pass(List.of(11L, 12L, 13L), Set.of(11L, 12L, 13L))).isEqualTo(13);
		assertThat(pass(List.of(3L, 14L, 15L), Set.of(3L, 14L, 15L)))
			.as("a late row below the cursor (a sweep found it) does not hold it")
			.isEqualTo(15);
	}

	@Test
	void itStopsBeforeAnIdItDidNotSettle() {
		at(10);

		assertThat(pass(List.of(11L, 12L, 13L), Set.of(11L, 13L))).isEqualTo(11);
		assertThat(pass(List.of(12L), Set.of())).isEqualTo(11);
		assertThat(pass(List.of(12L), Set.of(12L))).as("13 was settled before").isEqualTo(13);
	}

	@Test
	void itWaitsForAMissingIdAndGivesUpOnItAfterTheGapTimeout() {
		at(10);

		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).as("11 not committed yet").isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(pass(List.of(14L), Set.of(14L))).isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(pass(List.of(16L), Set.of(16L))).as("11: given up; 12 to 14 settled before; 15 just missed")
			.isEqualTo(14);
	}

	@Test
	void whatWasPublishedWhileItWaitedIsPassedOnceTheMissingIdArrives() {
		at(10);
		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).isEqualTo(10);

		assertThat(pass(List.of(11L, 14L), Set.of(11L, 14L))).isEqualTo(14);
		assertThat(pass(List.of(15L), Set.of(15L))).isEqualTo(15);
	}

	@Test
	void aPassThatDidNotCommitMovesNothing() {
		at(10);
		this.cursor.advance(List.of(11L, 12L), Set.of(11L, 12L));

		assertThat(pass(List.of(11L, 12L), Set.of())).isEqualTo(10);
	}

	@Test
	void aReadStartsAtTheCursorAndFromTheFirstIdAtEachSweep() {
		assertThat(this.cursor.floor()).as("the first pass sweeps").isZero();
		at(40);
		assertThat(this.cursor.floor()).isEqualTo(40);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.cursor.floor()).isEqualTo(40);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.cursor.floor()).isZero();
		assertThat(this.cursor.floor()).isEqualTo(40);
	}

	@Test
	void itNeverMovesBackButForgetsAllOnReset() {
		at(40);
		this.cursor.moveTo(new Move(30, List.of()));
		assertThat(this.cursor.after()).isEqualTo(40);

		this.cursor.reset();

		assertThat(this.cursor.after()).isZero();
		assertThat(pass(List.of(1L, 2L), Set.of(1L, 2L))).isEqualTo(2);
	}

	private void at(long id) {
		this.cursor.moveTo(new Move(id, List.of()));
	}

	/**
	 * A pass that committed: where the cursor is after it.
	 */
	private long pass(List<Long> read, Set<Long> settled) {
		this.cursor.moveTo(this.cursor.advance(read, settled));
		return this.cursor.after();
	}

}
