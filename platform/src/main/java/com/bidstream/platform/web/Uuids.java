package com.bidstream.platform.web;

import java.util.Optional;
import java.util.UUID;

/**
 * A UUID as a client writes one: only the canonical 36 characters (8-4-4-4-12 hex digits,
 * either case). The JDK's {@link UUID#fromString} also takes shortened groups, so
 * {@code 1-1-1-1-1} would be read as {@code 00000001-0001-0001-0001-000000000001}: two
 * texts, one id, and an event id used as an idempotency key would make two different
 * events one.
 */
public final class Uuids {

	private Uuids() {
	}

	/**
	 * The UUID the text is, or empty when it is not one in canonical form.
	 */
	public static Optional<UUID> parse(String text) {
		if (text == null || text.length() != 36) {
			return Optional.empty();
		}
		for (int i = 0; i < 36; i++) {
			char c = text.charAt(i);
			boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
			if (hyphen ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
				return Optional.empty();
			}
		}
		return Optional.of(UUID.fromString(text));
	}

}
