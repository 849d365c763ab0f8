package com.bidstream.platform.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The parameters of a set-based write: one array per column, in the order of the
 * statement's placeholders, for {@code insert ... select * from unnest(?::text[],
 * ?::int[], ...)}. One statement (and one round trip) writes a whole batch, and
 * {@code returning} tells which rows a conditional upsert stored, which a JDBC batch
 * rewritten into multi-row inserts cannot.
 *
 * @param <T> the rows
 */
public final class ColumnArrays<T> {

	private final List<T> rows;

	private final List<Object> columns = new ArrayList<>();

	private ColumnArrays(List<T> rows) {
		this.rows = rows;
	}

	public static <T> ColumnArrays<T> of(List<T> rows) {
		return new ColumnArrays<>(rows);
	}

	/** For {@code ?::text[]} (and casts from text, such as {@code ?::jsonb[]}). */
	public ColumnArrays<T> text(Function<T, String> column) {
		this.columns.add(this.rows.stream().map(column).toArray(String[]::new));
		return this;
	}

	/** For {@code ?::int[]}. */
	public ColumnArrays<T> integer(Function<T, Integer> column) {
		this.columns.add(this.rows.stream().map(column).toArray(Integer[]::new));
		return this;
	}

	/** For {@code ?::bigint[]}. */
	public ColumnArrays<T> bigint(Function<T, Long> column) {
		this.columns.add(this.rows.stream().map(column).toArray(Long[]::new));
		return this;
	}

	/** For {@code ?::boolean[]}. */
	public ColumnArrays<T> bool(Function<T, Boolean> column) {
		this.columns.add(this.rows.stream().map(column).toArray(Boolean[]::new));
		return this;
	}

	/** For {@code ?::numeric[]}. */
	public ColumnArrays<T> decimal(Function<T, BigDecimal> column) {
		this.columns.add(this.rows.stream().map(column).toArray(BigDecimal[]::new));
		return this;
	}

	/**
	 * For {@code ?::timestamptz[]}: instants as ISO-8601 text, so no time zone applies.
	 */
	public ColumnArrays<T> timestamp(Function<T, Instant> column) {
		this.columns.add(this.rows.stream()
			.map(column)
			.map((instant) -> (instant != null) ? instant.toString() : null)
			.toArray(String[]::new));
		return this;
	}

	/** The arrays, one per column, as statement parameters. */
	public Object[] values() {
		return this.columns.toArray();
	}

}
