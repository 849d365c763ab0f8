package com.bidstream.contracts;

/**
 * Events on {@link Topics#LISTINGS_SCORED}.
 */
public sealed interface ScoringEvent extends BidstreamEvent permits ListingScored {

}
