package com.bidstream.reporting.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Column values of event fields: instants as UTC timestamps, enums by name, nulls kept.
 */
final class Columns {

	private Columns() {
	}

	static OffsetDateTime of(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
