package com.bidstream.reporting.deadletters;

/**
 * The broker did not answer within the configured timeout, or refused a call.
 */
class BrokerUnavailableException extends RuntimeException {

	BrokerUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
