/**
 * Listing intake over REST: request limits, validation, dedup per agency, and the outbox.
 */
package com.bidstream.ingest.intake;
