package com.bidstream.contracts;

/**
 * A message that cannot be read as the event its topic carries. Retrying will not help:
 * it belongs in the dead-letter topic.
 */
public class UnreadableEventException extends RuntimeException {

	public UnreadableEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
