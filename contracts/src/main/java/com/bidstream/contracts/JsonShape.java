package com.bidstream.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Where a JSON document holds a value of another type than the one read there, and what
 * it must be, in words: the field's path ({@code $} for the document itself, say an array
 * where an object belongs) and "must be a JSON object", "must be a string", ... Jackson's
 * own message names Java types and parser tokens ({@code JsonToken.START_ARRAY}), which
 * no answer and no dead letter shows. The one rule for request bodies and events alike.
 */
public record JsonShape(String field, String must) {

	public static JsonShape of(MismatchedInputException ex) {
		if (ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Trailing token")) {
			// a whole value, then more: the value is of the right type
			return new JsonShape("$", "holds more after its JSON value");
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return new JsonShape(path.isEmpty() ? "$" : path.toString(), must(ex));
	}

	private static String must(MismatchedInputException ex) {
		Class<?> target = ex.getTargetType();
		if (ex instanceof InvalidFormatException) {
			return (target != null && target.isEnum()) ? oneOf(target) : "is not a valid value";
		}
		if (target == null) {
			return "is not of the expected type";
		}
		if (target.isArray() || Iterable.class.isAssignableFrom(target)) {
			return "must be a JSON array";
		}
		if (CharSequence.class.isAssignableFrom(target) || target.isEnum() || readFromText(target)) {
			return "must be a string";
		}
		if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
			return "must be a number";
		}
		if (target == Boolean.class || target == boolean.class) {
			return "must be true or false";
		}
		return "must be a JSON object";
	}

	/**
	 * Types JSON carries as strings: ids, instants and dates, addresses.
	 */
	private static boolean readFromText(Class<?> target) {
		return target == java.util.UUID.class || target.getName().startsWith("java.time.")
				|| target == java.net.URI.class || target == java.net.URL.class || target == java.util.Locale.class
				|| target == java.util.Currency.class;
	}

	/**
	 * "must be one of A, B, C": an enum's constants, as JSON and query parameters name
	 * them.
	 */
	public static String oneOf(Class<?> type) {
		return "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
			.map(Object::toString)
			.collect(java.util.stream.Collectors.joining(", "));
	}

}
