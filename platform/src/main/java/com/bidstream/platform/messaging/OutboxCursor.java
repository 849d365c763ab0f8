package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the relay's next read of the outbox starts. The relay deletes what it published,
 * and PostgreSQL cleans deleted rows only once no transaction anywhere may still see
 * them: while one stays open (a backup's snapshot, a process frozen mid-transaction), a
 * read from the outbox's first id steps over every row published since, and each batch
 * costs more than the last. So a read starts after the highest id below which every id
 * was published.
 * <p>
 * Ids are handed out when a row is written and become visible when its transaction
 * commits, so a lower id can appear after a higher one. The cursor therefore stops at a
 * missing id and waits for it; an id still missing after {@code gapTimeout} is taken for
 * a transaction that rolled back, and the cursor moves past it. A read from the first id
 * (a sweep) runs every {@code sweepEvery} all the same, and publishes a row whose
 * transaction took longer than that to commit. Events of one key never pass each other
 * this way: a producer writes a key's next event only after the transaction of its last
 * one committed (it holds the key's row lock), so the later event has the higher id. Used
 * by the relay's one thread only.
 */
final class OutboxCursor {

	private final Clock clock;

	private final Duration gapTimeout;

	private final Duration sweepEvery;

	/**
	 * How far above the cursor settled ids are remembered (a bit each): a backlog the
	 * cursor waited behind for longer is read past as a gap.
	 */
	private static final long REMEMBERED = 1L << 24;

	private final Map<Long, Instant> gaps = new HashMap<>();

	/**
	 * Bit i: id {@code after + 1 + i} was settled by an earlier pass.
	 */
	private BitSet settled = new BitSet();

	private long after;

	private Instant nextSweep;

	OutboxCursor(Clock clock, Duration gapTimeout, Duration sweepEvery) {
		this.clock = clock;
		this.gapTimeout = gapTimeout;
		this.sweepEvery = sweepEvery;
	}

	/**
	 * The id the next read starts after: the cursor, or 0 when a sweep is due.
	 */
	long floor() {
		Instant now = this.clock.instant();
		if (this.nextSweep == null || !now.isBefore(this.nextSweep)) {
			this.nextSweep = now.plus(this.sweepEvery);
			return 0;
		}
		return this.after;
	}

	/**
	 * Where the cursor goes after a pass that read these ids and settled (published, or
	 * set aside for good) those of {@code settled}: past every id settled by this pass or
	 * an earlier one, up to an id read but not settled, or a missing id that has not been
	 * missing for {@code gapTimeout}. Applied by {@link #moveTo} once the pass committed.
	 */
	Move advance(List<Long> read, Set<Long> settled) {
		Instant now = this.clock.instant();
		TreeMap<Long, Boolean> known = new TreeMap<>();
		for (long id : read) {
			if (id > this.after) {
				known.put(id, settled.contains(id));
			}
		}
		long cursor = this.after;
		while (true) {
			long next = cursor + 1;
			if (settledEarlier(next) || Boolean.TRUE.equals(known.get(next))) {
				cursor = next;
				continue;
			}
			if (known.containsKey(next)) {
				break;
			}
			Long nextRead = known.higherKey(cursor);
			long nextSettled = nextSettledEarlier(cursor);
			long nextKnown = Math.min((nextRead != null) ? nextRead : Long.MAX_VALUE, nextSettled);
			if (nextKnown == Long.MAX_VALUE) {
				break;
			}
			Instant since = this.gaps.putIfAbsent(next, now);
			if (since == null || Duration.between(since, now).compareTo(this.gapTimeout) < 0) {
				break;
			}
			cursor = nextKnown - 1;
		}
		return new Move(cursor, settled.stream().filter((id) -> id > this.after).toList());
	}

	/**
	 * Applies a committed pass: remembers what it settled above the cursor (published
	 * while the cursor waited at a gap: gone from the outbox, so no later read shows
	 * them) and moves the cursor.
	 */
	void moveTo(Move move) {
		for (long id : move.settled()) {
			long bit = id - this.after - 1;
			if (bit >= 0 && bit < REMEMBERED) {
				this.settled.set((int) bit);
			}
		}
		if (move.cursor() > this.after) {
			long shift = move.cursor() - this.after;
			this.settled = (shift < REMEMBERED)
					? this.settled.get((int) shift, Math.max(this.settled.length(), (int) shift)) : new BitSet();
			this.after = move.cursor();
		}
		this.gaps.keySet().removeIf((id) -> id <= this.after);
	}

	private boolean settledEarlier(long id) {
		long bit = id - this.after - 1;
		return bit >= 0 && bit < REMEMBERED && this.settled.get((int) bit);
	}

	/**
	 * The lowest id above {@code cursor} settled by an earlier pass, or Long.MAX_VALUE.
	 */
	private long nextSettledEarlier(long cursor) {
		long from = cursor - this.after;
		if (from >= REMEMBERED) {
			return Long.MAX_VALUE;
		}
		int bit = this.settled.nextSetBit((int) Math.max(from, 0));
		return (bit >= 0) ? this.after + 1 + bit : Long.MAX_VALUE;
	}

	/**
	 * Where a pass leaves the cursor, and the ids it settled above the cursor it started
	 * from.
	 */
	record Move(long cursor, List<Long> settled) {

	}

	/**
	 * Forgets the cursor: another instance's relay published meanwhile, so ids this one
	 * has not seen may be anywhere.
	 */
	void reset() {
		this.after = 0;
		this.gaps.clear();
		this.settled = new BitSet();
	}

	long after() {
		return this.after;
	}

}
