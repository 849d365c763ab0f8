package com.bidstream.contracts;

/**
 * Events on {@link Topics#LISTINGS_INGESTED}.
 */
public sealed interface ListingEvent extends BidstreamEvent permits ListingIngested {

}
