package com.bidstream.scoring.model;

import java.util.List;

/**
 * A profile change that breaks the profile's rules; nothing was changed.
 */
public class InvalidProfileException extends RuntimeException {

	private final List<Violation> violations;

	public InvalidProfileException(List<Violation> violations) {
		super("invalid profile change: " + violations);
		this.violations = List.copyOf(violations);
	}

	public List<Violation> violations() {
		return this.violations;
	}

}
