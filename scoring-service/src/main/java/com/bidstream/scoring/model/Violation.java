package com.bidstream.scoring.model;

/**
 * One invalid field of a profile change, named by its JSON path
 * ({@code thresholds.pursue}).
 */
public record Violation(String field, String message) {

}
