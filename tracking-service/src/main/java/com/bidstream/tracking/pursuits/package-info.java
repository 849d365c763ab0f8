/**
 * Pursuits: created from scored listings, advanced by the funnel events agencies report,
 * published on pursuits.events.
 */
package com.bidstream.tracking.pursuits;
