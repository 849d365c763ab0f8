package com.bidstream.reporting.intake;

/**
 * Column values of event fields: enums by name, nulls kept.
 */
final class Columns {

	private Columns() {
	}

	static String name(Enum<?> value) {
		return (value != null) ? value.name() : null;
	}

}
