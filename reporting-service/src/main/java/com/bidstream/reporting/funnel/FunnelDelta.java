package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change a batch makes to the funnel's cells: each changed listing's old contribution
 * taken out and its new one put in, merged per cell, so a batch writes each cell once.
 * Cells and facets iterate in key order, the order every writer locks them in.
 */
public final class FunnelDelta {

	/**
	 * A facet of a cell: reply times ({@code reply}, minutes) and loss reasons
	 * ({@code loss}).
	 */
	public static final String REPLY = "reply";

	public static final String LOSS = "loss";

	/** The span of a cell: one UTC day, or the UTC month starting on its date. */
	public static final String DAY = "day";

	public static final String MONTH = "month";

	private final TreeMap<Cell, Counts> cells = new TreeMap<>();

	private final TreeMap<Facet, Long> facets = new TreeMap<>();

	public void remove(ListingFunnel listing) {
		apply(listing, -1);
	}

	public void add(ListingFunnel listing) {
		apply(listing, 1);
	}

	private void apply(ListingFunnel listing, int sign) {
		if (!listing.counted()) {
			return;
		}
		LocalDate day = LocalDate.ofInstant(listing.cohortAt(), ZoneOffset.UTC);
		long[] counts = listing.counts();
		for (Map.Entry<GroupBy, String> group : listing.groups().entrySet()) {
			for (Cell cell : new Cell[] {
					new Cell(group.getKey().parameter(), DAY, listing.key().agencyId(), day, listing.noHire(),
							group.getValue()),
					new Cell(group.getKey().parameter(), MONTH, listing.key().agencyId(), day.withDayOfMonth(1),
							listing.noHire(), group.getValue()) }) {
				this.cells.computeIfAbsent(cell, (key) -> new Counts(counts.length))
					.add(counts, listing.revenue(), sign);
				if (listing.replyMinutes() != null) {
					this.facets.merge(new Facet(cell, REPLY, String.valueOf(listing.replyMinutes())), (long) sign,
							Long::sum);
				}
				if (listing.lossReason() != null) {
					this.facets.merge(new Facet(cell, LOSS, listing.lossReason()), (long) sign, Long::sum);
				}
			}
		}
	}

	/** The cells whose counts changed, in key order. */
	public Map<Cell, Counts> cells() {
		TreeMap<Cell, Counts> changed = new TreeMap<>();
		this.cells.forEach((cell, counts) -> {
			if (!counts.isZero()) {
				changed.put(cell, counts);
			}
		});
		return changed;
	}

	/** The facets whose counts changed, in key order. */
	public Map<Facet, Long> facets() {
		TreeMap<Facet, Long> changed = new TreeMap<>();
		this.facets.forEach((facet, n) -> {
			if (n != 0) {
				changed.put(facet, n);
			}
		});
		return changed;
	}

	/**
	 * One cell: an agency's listings first ingested in one UTC day (or month, starting on
	 * {@code day}), in one group of one dimension, split by whether they closed without a
	 * hire. Each listing is in a day cell and in a month cell, so a long period reads
	 * months and only its uneven ends read days.
	 */
	public record Cell(String dimension, String span, String agencyId, LocalDate day, boolean noHire,
			String group) implements Comparable<Cell> {

		/**
		 * Dimension, span, agency, day, flag, group: written out rather than a chain of
		 * key extractors, since a batch sorts tens of thousands of cells.
		 */
		@Override
		public int compareTo(Cell other) {
			int order = this.dimension.compareTo(other.dimension);
			if (order == 0) {
				order = this.span.compareTo(other.span);
			}
			if (order == 0) {
				order = this.agencyId.compareTo(other.agencyId);
			}
			if (order == 0) {
				order = this.day.compareTo(other.day);
			}
			if (order == 0) {
				order = Boolean.compare(this.noHire, other.noHire);
			}
			return (order != 0) ? order : this.group.compareTo(other.group);
		}

	}

	/** A count kept beside a cell: listings with one reply time, or one loss reason. */
	public record Facet(Cell cell, String facet, String value) implements Comparable<Facet> {

		@Override
		public int compareTo(Facet other) {
			int order = this.cell.compareTo(other.cell);
			if (order == 0) {
				order = this.facet.compareTo(other.facet);
			}
			return (order != 0) ? order : this.value.compareTo(other.value);
		}

	}

	/** The counts of {@link ListingFunnel#counts()} and revenue, as a change. */
	public static final class Counts {

		private final long[] counts;

		private BigDecimal revenue = BigDecimal.ZERO;

		Counts(int size) {
			this.counts = new long[size];
		}

		void add(long[] listing, BigDecimal revenue, int sign) {
			for (int i = 0; i < listing.length; i++) {
				this.counts[i] += sign * listing[i];
			}
			this.revenue = (sign > 0) ? this.revenue.add(revenue) : this.revenue.subtract(revenue);
		}

		boolean isZero() {
			for (long count : this.counts) {
				if (count != 0) {
					return false;
				}
			}
			return this.revenue.signum() == 0;
		}

		public long get(int index) {
			return this.counts[index];
		}

		public BigDecimal revenue() {
			return this.revenue;
		}

	}

}
