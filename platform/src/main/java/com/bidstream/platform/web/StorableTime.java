package com.bidstream.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The instants and dates every service takes from outside: the years 1970 to 9999 (UTC).
 * Java reads a year before 1 or after 9999 from ISO-8601 (such as {@code -000001-01-01}
 * or {@code +999999999-12-31}), but its text for such a year is not one PostgreSQL reads,
 * and the Kafka events carry it as text: a listing that ingest accepted with one would be
 * refused by the database of every service downstream. So each is refused at the door,
 * naming the field, with this one rule.
 */
public final class StorableTime {

	/**
	 * The first instant that may be given.
	 */
	public static final Instant EARLIEST = Instant.EPOCH;

	/**
	 * The first instant after the last one that may be given (10000-01-01T00:00:00Z).
	 */
	public static final Instant AFTER_LATEST = LocalDate.of(10000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	/**
	 * What a field out of range is told.
	 */
	public static final String RANGE = "must be in the years 1970 to 9999 (UTC)";

	private StorableTime() {
	}

	/**
	 * Why the instant cannot be taken, or null when it can.
	 */
	public static String problem(Instant instant) {
		return (instant.isBefore(EARLIEST) || !instant.isBefore(AFTER_LATEST)) ? RANGE : null;
	}

	/**
	 * Why the date cannot be taken, or null when it can.
	 */
	public static String problem(LocalDate date) {
		return problem(date.atStartOfDay(ZoneOffset.UTC).toInstant());
	}

}
