package com.bidstream.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.bidstream.platform.messaging.OutboxCursor.Move;
import com.bidstream.platform.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxCursorTests {

	static final int LIMIT = 100;

	final MovableClock clock = new MovableClock();

	final OutboxCursor cursor = new OutboxCursor(this.clock, Duration.ofMinutes(1));

	/** When the transactions still open before a pass's read began. */
	final List<Instant> open = new ArrayList<>();

	final Supplier<Instant> databaseNow = this.clock::instant;

	@Test
	void itMovesOverEveryIdReadAndSettledInARow() {
		at(10);

		assertThat(pass(List.of(11L, 12L, 13L), Set.of(11L, 12L, 13L))).isEqualTo(13);
	}

	@Test
	void aLateRowBelowTheCursorThatASweepFoundNeitherHoldsNorMovesIt() {
		at(10);

		assertThat(pass(List.of(3L, 11L), Set.of(3L))).isEqualTo(10);
		assertThat(pass(List.of(3L, 11L), Set.of(3L, 11L))).isEqualTo(11);
	}

	@Test
	void itStopsBeforeAnIdItDidNotSettle() {
		at(10);

		assertThat(pass(List.of(11L, 12L, 13L), Set.of(11L, 13L))).isEqualTo(11);
		assertThat(pass(List.of(12L), Set.of())).isEqualTo(11);
		assertThat(pass(List.of(12L), Set.of(12L))).as("13 was settled before").isEqualTo(13);
	}

	@Test
	void itWaitsAtAMissingIdWhileATransactionThatBeganBeforeItWasMissedIsOpen() {
		at(10);
		this.open.add(this.clock.instant());
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).as("11: its transaction may be open").isEqualTo(10);
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(pass(List.of(14L), Set.of(14L))).as("and it still is, however long").isEqualTo(10);
		this.open.clear();
		this.open.add(this.clock.instant());
		assertThat(pass(List.of(16L), Set.of(16L))).as("11: rolled back; 12 to 14 settled; 15 just missed")
			.isEqualTo(14);
	}

	@Test
	void whatWasPublishedWhileItWaitedIsPassedOnceTheMissingIdArrives() {
		at(10);
		this.open.add(this.clock.instant().minusSeconds(1));
		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).isEqualTo(10);

		assertThat(pass(List.of(11L, 14L), Set.of(11L, 14L))).isEqualTo(14);
		assertThat(pass(List.of(15L), Set.of(15L))).isEqualTo(15);
	}

	/**
	 * While the cursor waits at a missing id, the reads start past it and past what was
	 * published above it, and look for it by its id, so they do not step again over rows
	 * deleted since.
	 */
	@Test
	void whileItWaitsAtAMissingIdTheReadsStartPastWhatWasPublishedAndLookForItByItsId() {
		at(10);
		this.open.add(this.clock.instant());
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).isEqualTo(10);
		assertThat(this.cursor.scanFrom()).isEqualTo(13);
		assertThat(missing()).containsExactly(11L);
		assertThat(pass(List.of(14L, 15L), Set.of(14L, 15L))).isEqualTo(10);
		assertThat(this.cursor.scanFrom()).isEqualTo(15);
		assertThat(pass(List.of(11L, 16L), Set.of(11L, 16L))).as("11 arrived").isEqualTo(16);
		assertThat(missing()).isEmpty();
		assertThat(this.cursor.scanFrom()).isEqualTo(16);
	}

	/**
	 * An id rolled back while the cursor waits at another one is remembered as missing
	 * too, so the reads start past both; the cursor passes both once no transaction that
	 * began before them is open.
	 */
	@Test
	void anIdMissingAboveTheOneTheCursorWaitsAtIsLookedUpByIdToo() {
		at(10);
		this.open.add(this.clock.instant());
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).isEqualTo(10);
		assertThat(pass(List.of(15L, 16L), Set.of(15L, 16L))).isEqualTo(10);
		assertThat(this.cursor.scanFrom()).isEqualTo(16);
		assertThat(missing()).containsExactly(11L, 14L);
		this.open.clear();
		this.open.add(this.clock.instant());
		assertThat(pass(List.of(17L), Set.of(17L))).isEqualTo(17);
		assertThat(missing()).isEmpty();
	}

	/**
	 * A read of {@code LIMIT} rows stops there, so the ids past its last may be rows it
	 * did not read: remembering a settled id far above is no reason to pass them (here a
	 * sweep whose window the rows below the cursor filled).
	 */
	@Test
	void aFullReadSaysNothingOfTheIdsBeyondIt() {
		at(0);
		this.cursor.moveTo(new Move(0, List.of(500L)));
		List<Long> full = new ArrayList<>();
		for (long id = 1; id <= LIMIT; id++) {
			full.add(id);
		}

		assertThat(pass(full, Set.copyOf(full))).isEqualTo(LIMIT);
		assertThat(pass(full, Set.copyOf(full))).isEqualTo(LIMIT);
		assertThat(pass(List.of(), Set.of())).as("a read that was not full: 101 to 499 are missing").isEqualTo(LIMIT);
		assertThat(pass(List.of(), Set.of())).isEqualTo(500);
	}

	/**
	 * Events left in the outbox because their topic or partition is held: the cursor
	 * stops below the first of them, even where it would move over a missing id up to the
	 * next id read, and the next reads start past them and past what was settled, up to
	 * the first id neither settled nor held; until the holds are forgotten.
	 */
	@Test
	void itNeverReachesAHeldEventAndTheNextReadsStartPastThem() {
		at(10);
		assertThat(held(List.of(12L, 13L, 15L), Set.of(15L), Set.of(12L, 13L))).as("11 missing, seen now")
			.isEqualTo(10);
		assertThat(this.cursor.scanFrom()).as("11 and 14 missing, 12 and 13 held, 15 settled").isEqualTo(15);
		assertThat(missing()).containsExactly(11L, 14L);
		assertThat(held(List.of(11L, 16L), Set.of(11L, 16L), Set.of())).isEqualTo(11);
		assertThat(this.cursor.scanFrom()).as("14 still missing").isEqualTo(16);
		assertThat(missing()).containsExactly(14L);
		assertThat(held(List.of(14L, 17L), Set.of(14L, 17L), Set.of())).as("never over 12").isEqualTo(11);
		assertThat(this.cursor.scanFrom()).isEqualTo(17);
		assertThat(held(List.of(19L), Set.of(19L), Set.of())).isEqualTo(11);
		assertThat(this.cursor.scanFrom()).as("18 is missing").isEqualTo(17);

		this.cursor.forgetHeld();
		assertThat(this.cursor.scanFrom()).isEqualTo(11);
		assertThat(pass(List.of(12L, 13L), Set.of(12L, 13L))).as("12 and 13 published at last; 18 missing")
			.isEqualTo(17);
		assertThat(pass(List.of(), Set.of())).isEqualTo(19);
	}

	@Test
	void aPassThatDidNotCommitMovesNothing() {
		at(10);
		this.cursor.advance(List.of(11L, 12L), LIMIT, Set.of(11L, 12L), null, this.databaseNow);

		assertThat(pass(List.of(11L, 12L), Set.of())).isEqualTo(10);
	}

	@Test
	void aSweepIsDueAtFirstThenOncePerIntervalAfterOneCommitted() {
		assertThat(this.cursor.sweepDue()).isTrue();
		this.cursor.swept();
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.cursor.sweepDue()).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.cursor.sweepDue()).isTrue();
		assertThat(this.cursor.sweepDue()).as("until a sweep committed").isTrue();
	}

	@Test
	void itNeverMovesBackButForgetsAllOnReset() {
		at(40);
		this.cursor.moveTo(new Move(30, List.of()));
		assertThat(this.cursor.after()).isEqualTo(40);
		this.cursor.swept();

		this.cursor.reset();

		assertThat(this.cursor.after()).isZero();
		assertThat(this.cursor.sweepDue()).isTrue();
		assertThat(pass(List.of(1L, 2L), Set.of(1L, 2L))).isEqualTo(2);
	}

	/**
	 * A pass that committed, whose reads (not full) left the {@code held} ids in the
	 * outbox: where the cursor is after it.
	 */
	private long held(List<Long> read, Set<Long> settled, Set<Long> held) {
		Instant oldestOpen = this.open.stream().min(Instant::compareTo).orElse(null);
		this.cursor.moveTo(this.cursor.advance(read, false, settled, held, oldestOpen, this.databaseNow));
		return this.cursor.after();
	}

	/**
	 * The missing ids the next read looks up by id.
	 */
	private List<Long> missing() {
		return this.cursor.missingBelow(this.cursor.scanFrom());
	}

	private void at(long id) {
		this.cursor.moveTo(new Move(id, List.of()));
	}

	/**
	 * A pass that committed: where the cursor is after it.
	 */
	private long pass(List<Long> read, Set<Long> settled) {
		Instant oldestOpen = this.open.stream().min(Instant::compareTo).orElse(null);
		this.cursor.moveTo(this.cursor.advance(read, LIMIT, settled, oldestOpen, this.databaseNow));
		return this.cursor.after();
	}

}
