package com.bidstream.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.DeclaredCharset;
import com.bidstream.platform.web.DuplicateNames;

/**
 * The request-level rules of a listings post (its size is the platform's
 * {@code RequestBodyLimitFilter}'s to bound): readable JSON within the reader's limits (a
 * number's digits, nesting depth: the whole request is refused, saying which), a listing
 * object or an array of at most {@link #MAX_ITEMS} items.
 */
final class ListingsBody {

	static final int MAX_ITEMS = 1_000;

	private static final ObjectReader JSON = EventCodec.mapper()
		.reader()
		.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private ListingsBody() {
	}

	/**
	 * The items of the body: the one object, or the array's elements.
	 */
	static List<JsonNode> items(byte[] body) {
		JsonNode root = parse(body);
		if (root.isObject()) {
			return List.of(root);
		}
		if (!root.isArray()) {
			throw ApiProblem.badRequest("not-a-listing", "The body must be a listing object or an array of listings");
		}
		if (root.size() > MAX_ITEMS) {
			throw ApiProblem
				.payloadTooLarge("An array holds at most " + MAX_ITEMS + " listings; this one holds " + root.size());
		}
		List<JsonNode> items = new ArrayList<>(root.size());
		root.forEach(items::add);
		return items;
	}

	private static JsonNode parse(byte[] body) {
		try {
			JsonNode root = JSON.readTree(body);
			if (root == null || root.isMissingNode()) {
				throw ApiProblem.badRequest("malformed-body", "The request body is empty");
			}
			return root;
		}
		catch (StreamConstraintsException ex) {
			throw ApiProblem.badRequest("malformed-body", limitBroken(ex));
		}
		catch (JacksonException ex) {
			// bytes that are no UTF-8 (a Latin-1 body sent without its charset) are named
			// as such, by the platform's one test of Jackson's failure
			if (DeclaredCharset.notUtf8(ex)) {
				throw ApiProblem.badRequest("malformed-body",
						DeclaredCharset.notValid(StandardCharsets.UTF_8, "The body"));
			}
			throw ApiProblem.badRequest("malformed-body",
					DuplicateNames.of(ex).map(DuplicateNames::problem).orElse("The request body is not readable JSON"));
		}
	}

	/**
	 * Which of the JSON reader's limits the body breaks, in plain words. Jackson tells
	 * them apart only by its message, whose text is never shown to the client.
	 */
	static String limitBroken(StreamConstraintsException ex) {
		StreamReadConstraints limits = EventCodec.mapper().tokenStreamFactory().streamReadConstraints();
		String reason = String.valueOf(ex.getOriginalMessage());
		if (reason.startsWith("Number value length")) {
			return "The request body holds a number with more than " + limits.getMaxNumberLength()
					+ " digits, more than any listing field can take";
		}
		if (reason.startsWith("Document nesting depth")) {
			return "The request body nests objects or arrays more than " + limits.getMaxNestingDepth() + " levels deep";
		}
		if (reason.startsWith("Name length")) {
			return "The request body holds a field name longer than " + limits.getMaxNameLength() + " characters";
		}
		return "The request body exceeds a limit of the JSON it may hold (numbers of at most "
				+ limits.getMaxNumberLength() + " digits, at most " + limits.getMaxNestingDepth()
				+ " levels of nesting, field names of at most " + limits.getMaxNameLength() + " characters)";
	}

}
