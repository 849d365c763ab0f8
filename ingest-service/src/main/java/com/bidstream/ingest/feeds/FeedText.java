package com.bidstream.ingest.feeds;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A feed's items with their texts made showable before the listing rules read them. A
 * listing posted to the API with a control character in a text is refused, and its sender
 * can correct it; a feed is another system's output, which no one corrects by answering
 * it, so a stray character would cost the listing at every poll. A C1 control character
 * is most often a Windows-1252 byte that the feed's producer read as Latin-1
 * ({@code U+0092} for the apostrophe {@code ’}): it is read as that character. Every
 * other control character but line breaks and tabs is dropped.
 */
final class FeedText {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private FeedText() {
	}

	static List<JsonNode> cleaned(List<JsonNode> items) {
		List<JsonNode> cleaned = new ArrayList<>(items.size());
		items.forEach((item) -> cleaned.add(cleaned(item)));
		return cleaned;
	}

	static JsonNode cleaned(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : new ArrayList<>(object.propertyNames())) {
				object.set(name, cleaned(object.get(name)));
			}
			return object;
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, cleaned(array.get(i)));
			}
			return array;
		}
		if (node != null && node.isString()) {
			String text = node.stringValue();
			String cleaned = cleaned(text);
			return (cleaned.equals(text)) ? node : JsonNodeFactory.instance.stringNode(cleaned);
		}
		return node;
	}

	static String cleaned(String text) {
		StringBuilder cleaned = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t') {
				if (cleaned != null) {
					cleaned.append(c);
				}
				continue;
			}
			if (cleaned == null) {
				cleaned = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (c >= 0x80 && c <= 0x9f) {
				char meant = new String(new byte[] { (byte) c }, WINDOWS_1252).charAt(0);
				if (meant != '\uFFFD' && !Character.isISOControl(meant)) {
					cleaned.append(meant);
				}
			}
		}
		return (cleaned != null) ? cleaned.toString() : text;
	}

}
