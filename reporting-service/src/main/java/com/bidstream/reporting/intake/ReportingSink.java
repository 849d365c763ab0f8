package com.bidstream.reporting.intake;

import java.util.List;

import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;

/**
 * Something reporting keeps of the three topics. Every sink sees each poll batch once,
 * inside the consumer's transaction with the inbox rows, so all of them apply an event
 * exactly once or not at all. Sinks run in
 * {@link org.springframework.core.annotation.Order order}; each writes set-based SQL and
 * tolerates events arriving out of order.
 */
public interface ReportingSink {

	default void listingsIngested(List<ListingIngested> events) {
	}

	default void listingsScored(List<ListingScored> events) {
	}

	default void pursuitsAdvanced(List<PursuitAdvanced> events) {
	}

}
