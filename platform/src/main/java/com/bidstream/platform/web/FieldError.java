package com.bidstream.platform.web;

/**
 * One invalid input field, named by its JSON path (for example {@code budget.amount}).
 */
public record FieldError(String field, String message) {

}
