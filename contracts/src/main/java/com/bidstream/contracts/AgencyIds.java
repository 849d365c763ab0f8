package com.bidstream.contracts;

import java.util.regex.Pattern;

/**
 * The form of an agency id, wherever one is named: in a key, in {@code X-Agency-Id}, in
 * an {@code agency=} parameter, on every event.
 */
public final class AgencyIds {

	/**
	 * Lower-case letters, digits and '-', 1 to 64 characters, starting with a letter or
	 * digit.
	 */
	public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	public static final String RULE = "1-64 lower-case letters, digits or '-', starting with a letter or digit";

	private AgencyIds() {
	}

	public static boolean isValid(String agencyId) {
		return agencyId != null && PATTERN.matcher(agencyId).matches();
	}

}
