package com.bidstream.tracking.pursuits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Conversions between the stores' Java values and their SQL columns.
 */
final class SqlValues {

	private SqlValues() {
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	static OffsetDateTime time(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

	static <E extends Enum<E>> E value(Class<E> type, String name) {
		return (name != null) ? Enum.valueOf(type, name) : null;
	}

}
