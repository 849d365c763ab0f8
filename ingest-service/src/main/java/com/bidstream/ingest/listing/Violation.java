package com.bidstream.ingest.listing;

/**
 * One broken rule of a listing, named by its JSON path ({@code budget.amount},
 * {@code skills[3]}).
 */
public record Violation(String field, String message) {

}
