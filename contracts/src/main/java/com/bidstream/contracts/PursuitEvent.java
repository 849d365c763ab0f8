package com.bidstream.contracts;

/**
 * Events on {@link Topics#PURSUITS_EVENTS}.
 */
public sealed interface PursuitEvent extends BidstreamEvent permits PursuitAdvanced {

}
