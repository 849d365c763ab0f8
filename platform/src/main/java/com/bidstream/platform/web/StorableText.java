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
		return scan(text, false, false);
	}

	/**
	 * Why a text cannot be shown as it is, or null when it can: a control character (a
	 * bell, an escape, C1's), which no page or CSV shows and a terminal may act on.
	 * {@code lines} allows the ones that are white space: line breaks and tabs.
	 */
	public static String controlProblem(String text, boolean lines) {
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i), lines)) {
				return controlMessage(lines);
			}
		}
		return null;
	}

	/**
	 * Why a text can be neither stored nor shown as it is ({@link #problem} first, then
	 * {@link #controlProblem}), or null when it can: both checks in one pass, for texts
	 * that need both.
	 */
	public static String shownProblem(String text, boolean lines) {
		return scan(text, true, lines);
	}

	private static String scan(String text, boolean controls, boolean lines) {
		boolean control = false;
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
			else if (controls && isControl(c, lines)) {
				control = true;
			}
		}
		return control ? controlMessage(lines) : null;
	}

	private static boolean isControl(char c, boolean lines) {
		return Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'));
	}

	private static String controlMessage(boolean lines) {
		return lines ? "must not contain control characters other than line breaks and tabs"
				: "must not contain control characters";
	}

}
