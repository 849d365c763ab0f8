package com.bidstream.platform.web;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamReadException;

/**
 * A JSON object naming one field twice is refused, by every reader of a request body
 * ({@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}: the platform's mapper and
 * ingest's listing readers). RFC 8259 leaves such an object's meaning unpredictable;
 * Jackson kept the last value without a word, so {@code {"title": "a", "title": "b"}}
 * stored "b".
 */
public final class DuplicateNames {

	/** What Jackson says, without the location it appends. */
	private static final Pattern MESSAGE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

	private DuplicateNames() {
	}

	/**
	 * The name given twice, when that is why {@code failure} (or a cause of it) was
	 * thrown.
	 */
	public static Optional<String> of(Throwable failure) {
		return Causes.first(failure, StreamReadException.class)
			.map((read) -> MESSAGE.matcher(String.valueOf(read.getOriginalMessage())))
			.filter(Matcher::matches)
			.map((matcher) -> matcher.group(1));
	}

	/**
	 * What a client is told: the name, and that it was given twice in one object.
	 */
	public static String problem(String name) {
		return "The JSON names \"" + name + "\" twice in one object";
	}

}
