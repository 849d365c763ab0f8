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
import java.util.function.Supplier;

import org.springframework.util.function.SingletonSupplier;

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
 * missing id. It moves past it only once no transaction of this database (autovacuum's
 * aside) that began before the id was seen missing was open when a pass began, before its
 * read: the id's transaction began before a higher id was written, so by then it had
 * rolled back, or its row is visible to the read and read. It never passes a row that may
 * yet appear, so a key's events go out in the order of their ids as when every read
 * started from the first id. What a pass published above a missing id is remembered (a
 * bit per id), so the cursor moves over it once the id is settled; meanwhile the reads
 * start past it and past the missing ids, which they look up by id ({@link #scanFrom()}).
 * A read from the first id (a sweep) still runs every {@code sweepEvery}, for a row of a
 * session this relay may not see. Used by the relay's one thread only.
 */
final class OutboxCursor {

	/**
	 * How far above the cursor settled ids are remembered (a bit each, 2 MB at most).
	 */
	private static final long REMEMBERED = 1L << 24;

	/**
	 * How many missing ids are remembered at most: each is looked up by id in every read
	 * while the cursor waits.
	 */
	static final int MISSING_KEPT = 1_000;

	private final Clock clock;

	private final Duration sweepEvery;

	/** Missing ids, by the moment (the database's clock) they were first seen missing. */
	private final Map<Long, Instant> gaps = new HashMap<>();

	/** Bit i: id {@code after + 1 + i} was settled by an earlier pass. */
	private BitSet settled = new BitSet();

	/**
	 * Bit i: id {@code after + 1 + i} is an event an earlier pass left in the outbox
	 * because its topic or partition is held ({@link OutboxHolds}).
	 */
	private BitSet held = new BitSet();

	private long after;

	private Instant nextSweep;

	OutboxCursor(Clock clock, Duration sweepEvery) {
		this.clock = clock;
		this.sweepEvery = sweepEvery;
	}

	/**
	 * Whether the next read starts from the first id; {@link #swept()} once such a pass
	 * committed.
	 */
	boolean sweepDue() {
		return this.nextSweep == null || !this.clock.instant().isBefore(this.nextSweep);
	}

	void swept() {
		this.nextSweep = this.clock.instant().plus(this.sweepEvery);
	}

	/**
	 * Whether a missing id waits: then a pass asks, before its read, when the oldest
	 * transaction still open began.
	 */
	boolean waitsAtAGap() {
		return !this.gaps.isEmpty();
	}

	/**
	 * Where the cursor goes after a pass that read these ids (at most {@code limit}) and
	 * settled (published, or set aside for good) those of {@code settled}: past every id
	 * settled by this pass or an earlier one, and past a missing id once no transaction
	 * that began before it was seen missing was open before the read ({@code oldestOpen},
	 * asked before the read; null when none was, or when nobody asked because no id was
	 * missing); never past an id read and not settled, nor, when the read was full, past
	 * its last id (what lies beyond was not read). {@code databaseNow} dates a gap seen
	 * for the first time: the database's clock, asked after the read. Applied by
	 * {@link #moveTo} once the pass committed.
	 */
	Move advance(List<Long> read, int limit, Set<Long> settled, Instant oldestOpen, Supplier<Instant> databaseNow) {
		return advance(read, read.size() >= limit, settled, Set.of(), oldestOpen, databaseNow);
	}

	/**
	 * As {@link #advance(List, int, Set, Instant, Supplier)}, for a read from
	 * {@link #scanFrom()} (or, a sweep, from the first id) that was {@code full} when it
	 * returned as many rows as it asked for; {@code held}: the ids read and left in the
	 * outbox because their topic or partition is held, remembered so that the next reads
	 * start past them ({@link #scanFrom()}). The cursor never moves to or past an event
	 * held, now or by an earlier pass.
	 */
	Move advance(List<Long> read, boolean full, Set<Long> settled, Set<Long> held, Instant oldestOpen,
			Supplier<Instant> askedNow) {
		Supplier<Instant> databaseNow = SingletonSupplier.of(askedNow);
		TreeMap<Long, Boolean> known = new TreeMap<>();
		long readUpTo = (full && !read.isEmpty()) ? read.get(read.size() - 1) : Long.MAX_VALUE;
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
			if (known.containsKey(next) || heldEarlier(next) || next >= readUpTo) {
				break;
			}
			Long nextRead = known.higherKey(cursor);
			long nextKnown = Math.min(
					Math.min((nextRead != null) ? nextRead : Long.MAX_VALUE, nextSetAbove(this.settled, cursor)),
					nextSetAbove(this.held, cursor));
			if (nextKnown == Long.MAX_VALUE) {
				break;
			}
			Instant seen = this.gaps.get(next);
			if (seen == null) {
				this.gaps.put(next, databaseNow.get());
				break;
			}
			if (oldestOpen != null && oldestOpen.isBefore(seen)) {
				break;
			}
			cursor = nextKnown - 1;
		}
		if (this.gaps.containsKey(cursor + 1)) {
			recordMissing(cursor, known, databaseNow);
		}
		return new Move(cursor, settled.stream().filter((id) -> id > this.after).toList(),
				held.stream().filter((id) -> id > this.after).toList());
	}

	/**
	 * While the cursor waits at a missing id: records the other ids missing above it, up
	 * to the last id this pass read, each with when it was first seen missing, so that
	 * the next reads start past them too ({@link #scanFrom()}); {@link #MISSING_KEPT} at
	 * most.
	 */
	private void recordMissing(long cursor, TreeMap<Long, Boolean> known, Supplier<Instant> databaseNow) {
		if (known.isEmpty() || known.lastKey() - this.after - 1 >= REMEMBERED || this.gaps.size() >= MISSING_KEPT) {
			return;
		}
		BitSet accounted = accounted();
		known.keySet().forEach((id) -> accounted.set((int) (id - this.after - 1)));
		int last = (int) (known.lastKey() - this.after - 1);
		for (int bit = accounted.nextClearBit((int) (cursor - this.after)); bit < last
				&& this.gaps.size() < MISSING_KEPT; bit = accounted.nextClearBit(bit + 1)) {
			this.gaps.put(this.after + 1 + bit, databaseNow.get());
		}
	}

	/**
	 * Bit i: id {@code after + 1 + i} was settled or held by an earlier pass, or is
	 * missing.
	 */
	private BitSet accounted() {
		BitSet accounted = (BitSet) this.settled.clone();
		accounted.or(this.held);
		for (long id : this.gaps.keySet()) {
			long bit = id - this.after - 1;
			if (bit >= 0 && bit < REMEMBERED) {
				accounted.set((int) bit);
			}
		}
		return accounted;
	}

	/**
	 * Where a read that is not a sweep starts: past every id above the cursor that an
	 * earlier pass settled or held, or that it saw missing, up to the first it did not.
	 * None of the settled or held can be a row that appears later (each was read), and
	 * none is sent until a hold ends, which {@link #forgetHeld()} marks. The missing ones
	 * are read by their ids ({@link #missingBelow(long)}). So while the cursor waits at a
	 * missing id (a long transaction open), a read does not step again over every row
	 * published since, which PostgreSQL cannot clean while that transaction is open: each
	 * read would cost more than the last, the relay publishing a few thousand events a
	 * second instead of tens of thousands.
	 */
	long scanFrom() {
		return this.after + accounted().nextClearBit(0);
	}

	/**
	 * The missing ids that a read from {@code from} ({@link #scanFrom()}) passes, in
	 * order: a read looks for each by its id, so that a row that appears there is read in
	 * the same snapshot as the rows above it.
	 */
	List<Long> missingBelow(long from) {
		return this.gaps.keySet().stream().filter((id) -> id > this.after && id <= from).sorted().toList();
	}

	/**
	 * Forgets which events were held: a hold ended or its retry is due, so the next read
	 * starts from the cursor again.
	 */
	void forgetHeld() {
		this.held = new BitSet();
	}

	/**
	 * Applies a committed pass: remembers what it settled above the cursor (gone from the
	 * outbox, so no later read shows it) and moves the cursor.
	 */
	void moveTo(Move move) {
		remember(this.settled, move.settled());
		remember(this.held, move.held());
		if (move.cursor() > this.after) {
			long shift = move.cursor() - this.after;
			this.settled = shifted(this.settled, shift);
			this.held = shifted(this.held, shift);
			this.after = move.cursor();
		}
		this.gaps.keySet().removeIf((id) -> id <= this.after || settledEarlier(id));
	}

	/**
	 * Forgets the cursor: another instance's relay published meanwhile, so what this one
	 * remembers may be wrong.
	 */
	void reset() {
		this.after = 0;
		this.gaps.clear();
		this.settled = new BitSet();
		this.held = new BitSet();
		this.nextSweep = null;
	}

	long after() {
		return this.after;
	}

	private boolean settledEarlier(long id) {
		long bit = id - this.after - 1;
		return bit >= 0 && bit < REMEMBERED && this.settled.get((int) bit);
	}

	private boolean heldEarlier(long id) {
		long bit = id - this.after - 1;
		return bit >= 0 && bit < REMEMBERED && this.held.get((int) bit);
	}

	/**
	 * The lowest id above {@code cursor} whose bit is set (settled, or held, by an
	 * earlier pass), or Long.MAX_VALUE.
	 */
	private long nextSetAbove(BitSet ids, long cursor) {
		long from = cursor - this.after;
		if (from >= REMEMBERED) {
			return Long.MAX_VALUE;
		}
		int bit = ids.nextSetBit((int) Math.max(from, 0));
		return (bit >= 0) ? this.after + 1 + bit : Long.MAX_VALUE;
	}

	private void remember(BitSet ids, List<Long> above) {
		for (long id : above) {
			long bit = id - this.after - 1;
			if (bit >= 0 && bit < REMEMBERED) {
				ids.set((int) bit);
			}
		}
	}

	private static BitSet shifted(BitSet ids, long shift) {
		return (shift < REMEMBERED) ? ids.get((int) shift, Math.max(ids.length(), (int) shift)) : new BitSet();
	}

	/**
	 * Where a pass leaves the cursor, and the ids it settled and held above the cursor it
	 * started from.
	 */
	record Move(long cursor, List<Long> settled, List<Long> held) {

		Move(long cursor, List<Long> settled) {
			this(cursor, settled, List.of());
		}

	}

}
