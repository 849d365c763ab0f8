/**
 * The one way in for listings ({@link com.bidstream.ingest.intake.ListingIntake}:
 * validation, dedup per agency, versions, the outbox), and the REST endpoint with its
 * request limits.
 */
package com.bidstream.ingest.intake;
