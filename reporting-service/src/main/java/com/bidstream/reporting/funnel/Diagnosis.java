package com.bidstream.reporting.funnel;

import java.util.Map;

/**
 * Where a group's funnel leaks most, in words an operator can act on, with the figures
 * that led there and the benchmark they were held against.
 */
public record Diagnosis(Stage stage, String message, Map<String, Number> figures, String benchmark) {

	public Diagnosis(Stage stage, String message) {
		this(stage, message, Map.of(), null);
	}

	public enum Stage {

		OPPORTUNITY, REPLY, INTERVIEW, CLOSE, NONE

	}

}
