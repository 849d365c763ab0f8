package com.bidstream.ingest.listing;

/**
 * What every text of a listing must be to be stored downstream: PostgreSQL's {@code text}
 * and {@code jsonb} refuse the NUL character, and a lone UTF-16 surrogate is not Unicode
 * (it cannot be encoded as UTF-8), so a listing holding either would be accepted here and
 * then dead-lettered by its consumers.
 */
final class StorableText {

	private StorableText() {
	}

	/**
	 * Why the text cannot be stored, or null when it can.
	 */
	static String problem(String text) {
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
