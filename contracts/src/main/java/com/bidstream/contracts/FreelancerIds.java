package com.bidstream.contracts;

import java.util.regex.Pattern;

/**
 * The form of a freelancer id, wherever one is named: on the roster ({@code PUT
 * /api/v1/freelancers/{id}}), on a pursuit event, in a report's group.
 */
public final class FreelancerIds {

	/**
	 * Letters, digits and '.', '_', '~', '-', 1 to 64 characters, starting with a letter
	 * or digit: safe in a URL path, a CSV cell and a page as they are.
	 */
	public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,63}");

	public static final String RULE = "must be 1 to 64 letters, digits or . _ ~ -, starting with a letter or digit";

	private FreelancerIds() {
	}

	public static boolean isValid(String freelancerId) {
		return freelancerId != null && PATTERN.matcher(freelancerId).matches();
	}

}
