package com.bidstream.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The instants every service takes from outside: the years 1970 to 9999 (UTC); dates, the
 * years 1 to 9999. Java reads a year before 1 or after 9999 from ISO-8601 (such as
 * {@code -000001-01-01} or {@code +999999999-12-31}), but its text for such a year is not
 * one PostgreSQL reads, and the Kafka events carry it as text: a listing that ingest
 * accepted with one would be refused by the database of every service downstream. So each
 * is refused at the door, naming the field, with this one rule.
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
	 * What a date out of range is told.
	 */
	public static final String DATE_RANGE = "must be in the years 1 to 9999";

	/**
	 * Why the date cannot be taken, or null when it can. A date of the years 1 to 9999 is
	 * stored and sent as it is written; before 1970 it is often a placeholder for
	 * "unknown" (a client "member since 1900-01-01"), which refusing would cost the whole
	 * listing.
	 */
	public static String problem(LocalDate date) {
		return (date.getYear() < 1 || date.getYear() > 9999) ? DATE_RANGE : null;
	}

}
