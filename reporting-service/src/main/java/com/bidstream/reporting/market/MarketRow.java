package com.bidstream.reporting.market;

/**
 * One group's market in one period (contract section 6). Shares are fractions 0..1 of the
 * period's listings, {@code under500Share} too (a listing without a value is not under
 * $500). Medians are null when no listing has the figure; {@code listingsChange} is
 * relative to the group's previous period, null when that had no listings.
 */
record MarketRow(String group, String period, long listings, Double medianValue, double under500Share,
		double aiWorkShare, double automatableShare, double humanCriticalShare, Double medianProposals,
		double pursueShare, Double listingsChange) {

}
