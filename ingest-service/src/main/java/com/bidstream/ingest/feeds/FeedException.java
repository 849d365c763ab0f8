package com.bidstream.ingest.feeds;

/**
 * A poll that failed, with a message fit to show as the feed's {@code lastError}.
 */
class FeedException extends RuntimeException {

	FeedException(String message) {
		super(message, null, false, false);
	}

}
