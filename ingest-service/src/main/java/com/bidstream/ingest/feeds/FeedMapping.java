package com.bidstream.ingest.feeds;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import com.bidstream.ingest.listing.JsonFields;
import com.bidstream.ingest.listing.ListingPaths;
import com.bidstream.ingest.listing.Violation;

/**
 * The rules of a feed's {@code mapping}, as {@link JsonListings} applies it: an object
 * whose {@code items} is the dotted path of the items' array in the answer, and whose
 * {@code fields} maps listing fields (dotted, such as {@code budget.amount}, or a whole
 * object such as {@code budget}) to the dotted path of each item's value. Anything else
 * would be ignored at every poll without a word, so it is refused when the feed is made.
 */
final class FeedMapping {

	static final String EXAMPLE = "{\"items\": \"data.jobs\", \"fields\": {\"externalId\": \"id\", \"title\": \"name\"}}";

	private FeedMapping() {
	}

	/**
	 * Records a {@link Violation} for each rule the mapping breaks, named by its path
	 * ({@code mapping.fields.title}).
	 */
	static void check(JsonNode mapping, List<Violation> errors) {
		if (!mapping.isObject()) {
			errors.add(new Violation("mapping", "must be an object such as " + EXAMPLE));
			return;
		}
		for (String name : mapping.propertyNames()) {
			if (!name.equals("items") && !name.equals("fields")) {
				errors.add(new Violation("mapping." + name, "is not part of a mapping: it holds items and fields"));
			}
		}
		JsonFields fields = new JsonFields(mapping, "mapping", errors);
		fields.text("items");
		JsonNode listingFields = fields.value("fields");
		if (listingFields != null) {
			checkFields(listingFields, errors);
		}
	}

	private static void checkFields(JsonNode listingFields, List<Violation> errors) {
		if (!listingFields.isObject()) {
			errors.add(new Violation("mapping.fields",
					"must be an object mapping listing fields to item paths, such as {\"title\": \"name\"}"));
			return;
		}
		JsonFields paths = new JsonFields(listingFields, "mapping.fields", errors);
		for (Map.Entry<String, JsonNode> field : listingFields.properties()) {
			if (!ListingPaths.ALL.contains(field.getKey())) {
				errors.add(new Violation("mapping.fields." + field.getKey(),
						"is not a listing field (such as title, budget.amount or client.country)"));
			}
			else if (field.getKey().equals("source")) {
				// it would be ignored at every poll: the feed's own source is every
				// item's
				errors.add(new Violation("mapping.fields.source",
						"cannot be mapped: every item of the feed carries the feed's source"));
			}
			else {
				paths.text(field.getKey());
			}
		}
	}

}
