package com.bidstream.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import com.bidstream.contracts.EventCodec;
import com.bidstream.ingest.intake.ListingTree;
import com.bidstream.platform.web.DeclaredCharset;
import com.bidstream.platform.web.DuplicateNames;

/**
 * The items of a {@code json-url} feed or a webhook: a JSON array, or an object holding
 * one (at {@code mapping.items}, a dotted path, or the first array among its fields);
 * each item mapped by {@code mapping.fields} (listing field to the item's dotted path),
 * the other fields taken as they are. The feed's source is every item's {@code source},
 * whatever the item or the mapping says, and an externalId the contract does not allow is
 * replaced by a safe one derived from it.
 */
final class JsonListings {

	/**
	 * A polled source's answer is read as it comes: a source we do not run may name a
	 * field twice, and refusing its every item for it would leave the feed failing.
	 */
	private static final ObjectReader ANSWERS = EventCodec.mapper()
		.reader()
		.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

	/**
	 * A push is a request body, read as strictly as every other ({@link DuplicateNames}).
	 */
	private static final ObjectReader PUSHES = ANSWERS.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private JsonListings() {
	}

	/**
	 * The listings of a polled source's answer.
	 */
	static List<JsonNode> read(byte[] body, JsonNode mapping, String feedSource) {
		return read(ANSWERS, body, mapping, feedSource, "The answer");
	}

	/**
	 * The listings of a webhook's push, whose errors call it "The body".
	 */
	static List<JsonNode> pushed(byte[] body, JsonNode mapping, String feedSource) {
		return read(PUSHES, body, mapping, feedSource, "The body");
	}

	private static List<JsonNode> read(ObjectReader reader, byte[] body, JsonNode mapping, String feedSource,
			String what) {
		JsonNode root;
		try {
			root = reader.readTree(body);
		}
		catch (JacksonException ex) {
			if (DeclaredCharset.notUtf8(ex)) {
				throw new FeedException(DeclaredCharset.notValid(StandardCharsets.UTF_8, what));
			}
			throw new FeedException(
					DuplicateNames.of(ex).map(DuplicateNames::problem).orElse(what + " is not readable JSON"));
		}
		JsonNode items = items(root, (mapping != null) ? mapping.path("items").asString(null) : null, what);
		List<JsonNode> listings = new ArrayList<>(items.size());
		JsonNode fields = (mapping != null) ? mapping.get("fields") : null;
		for (JsonNode item : items) {
			listings.add(listing(item, fields, feedSource));
		}
		return listings;
	}

	private static JsonNode items(JsonNode root, String path, String what) {
		if (root == null || root.isMissingNode() || root.isNull()) {
			throw new FeedException(what + " is empty");
		}
		if (path != null && !path.isBlank()) {
			JsonNode found = at(root, path);
			if (found == null || !found.isArray()) {
				throw new FeedException(what + " holds no array at " + path);
			}
			return found;
		}
		if (root.isArray()) {
			return root;
		}
		if (root.isObject()) {
			for (Map.Entry<String, JsonNode> field : root.properties()) {
				if (field.getValue().isArray()) {
					return field.getValue();
				}
			}
		}
		throw new FeedException(what + " is neither a JSON array nor an object holding one");
	}

	private static JsonNode listing(JsonNode item, JsonNode fields, String feedSource) {
		if (!item.isObject()) {
			return item;
		}
		ListingTree tree = new ListingTree();
		for (Map.Entry<String, JsonNode> field : item.properties()) {
			tree.put(field.getKey(), field.getValue());
		}
		if (fields != null && fields.isObject()) {
			for (Map.Entry<String, JsonNode> field : fields.properties()) {
				JsonNode value = at(item, field.getValue().asString(""));
				if (value != null && !value.isNull()) {
					tree.put(field.getKey(), value);
				}
			}
		}
		// the feed's source, whatever the item says (contract: "the feed's source
		// otherwise"): an item naming another source addressed another channel's listing,
		// so a push could rewrite a listing posted by hand or fed by Upwork, and reopen
		// one closed
		tree.put("source", feedSource);
		JsonNode externalId = tree.tree().get("externalId");
		if (externalId != null && (externalId.isString() || externalId.isNumber())) {
			tree.put("externalId", SafeIds.of(externalId.asString()));
		}
		return tree.tree();
	}

	static JsonNode at(JsonNode node, String dottedPath) {
		JsonNode current = node;
		for (String name : dottedPath.split("\\.")) {
			current = (current != null) ? current.get(name) : null;
		}
		return current;
	}

}
