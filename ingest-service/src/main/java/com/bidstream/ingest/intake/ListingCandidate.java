package com.bidstream.ingest.intake;

import tools.jackson.databind.JsonNode;

/**
 * One listing offered to {@link ListingIntake}, from any source: its fields as the
 * validator reads them (the contract's JSON field names and types), and where it came
 * from in its source (the index in a posted array, the line of an import, the item of a
 * feed), so that a rejection can name it.
 */
public record ListingCandidate(JsonNode fields, long position) {

}
