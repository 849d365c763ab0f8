package com.bidstream.platform.web;

/**
 * What every text from outside must be to be stored: PostgreSQL's {@code text} and
 * {@code jsonb} refuse the NUL character, and a lone UTF-16 surrogate (a JSON escape such
 * as {@code "\ud800"}) is not Unicode: the JDBC driver writes it as {@code ?}, so a value
 * would be stored changed without a word. Ingest checks each listing field with it;
 * {@link StorableBodyAdvice} checks every other JSON request body.
 */
public final class StorableText {

	private StorableText() {
	}

	/**
	 * Why the text cannot be stored, or null when it can.
	 */
	public static String problem(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return "contains a NUL character";
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return "is not valid Unicode";
			}
		}
		return null;
	}

}
