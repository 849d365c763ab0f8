package com.bidstream.reporting.funnel;

/**
 * A listing's identity: its jobKey within an agency.
 */
public record ListingKey(String agencyId, String jobKey) {

}
