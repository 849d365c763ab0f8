package com.bidstream.reporting.funnel;

/**
 * Where a group's funnel leaks most, in words an operator can act on.
 */
public record Diagnosis(Stage stage, String message) {

	public enum Stage {

		OPPORTUNITY, REPLY, INTERVIEW, CLOSE, NONE

	}

}
