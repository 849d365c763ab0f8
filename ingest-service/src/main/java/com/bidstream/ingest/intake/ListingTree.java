package com.bidstream.ingest.intake;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.bidstream.contracts.EventCodec;

/**
 * Builds the field tree of a {@link ListingCandidate} from values a source holds (a CSV
 * row, a feed item), by dotted path ({@code budget.amount}), so that it reaches the
 * validator with the JSON types the contract names. A null value leaves the field out.
 */
public final class ListingTree {

	private final ObjectNode root = EventCodec.mapper().createObjectNode();

	public ListingTree put(String path, Object value) {
		if (value == null) {
			return this;
		}
		ObjectNode parent = this.root;
		String[] names = path.split("\\.", -1);
		for (int i = 0; i < names.length - 1; i++) {
			JsonNode child = parent.get(names[i]);
			parent = (child instanceof ObjectNode object) ? object : parent.putObject(names[i]);
		}
		String name = names[names.length - 1];
		if (value instanceof String text) {
			parent.put(name, text);
		}
		else if (value instanceof BigDecimal number) {
			parent.put(name, number);
		}
		else if (value instanceof Integer number) {
			parent.put(name, number);
		}
		else if (value instanceof Long number) {
			parent.put(name, number);
		}
		else if (value instanceof Boolean flag) {
			parent.put(name, flag);
		}
		else if (value instanceof List<?> list) {
			ArrayNode array = parent.putArray(name);
			list.forEach((element) -> array.add(String.valueOf(element)));
		}
		else if (value instanceof JsonNode node) {
			parent.set(name, node);
		}
		else {
			parent.put(name, value.toString());
		}
		return this;
	}

	public boolean has(String path) {
		JsonNode node = this.root;
		for (String name : path.split("\\.")) {
			node = (node != null) ? node.get(name) : null;
		}
		return node != null && !node.isNull();
	}

	public JsonNode tree() {
		return this.root;
	}

}
