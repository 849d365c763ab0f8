package com.bidstream.reporting.funnel;

/**
 * A listing's identity: its jobKey within an agency.
 */
record ListingKey(String agencyId, String jobKey) {

}
