package com.bidstream.reporting.dashboard;

/**
 * The key a person signed in with, kept in their server-side session so that the
 * dashboard can call scoring and tracking as them. Not {@link java.io.Serializable}, so a
 * container that saves sessions to disk leaves it out, and never printed.
 */
final class SessionKey {

	private final String value;

	SessionKey(String value) {
		this.value = value;
	}

	String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return "SessionKey[hidden]";
	}

}
