package com.bidstream.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The items of an RSS 2.0 or Atom document, read with StAX with DTDs and external
 * entities switched off (no XXE, no entity expansion bombs).
 */
final class RssItems {

	private static final XMLInputFactory XML = safeFactory();

	private RssItems() {
	}

	/**
	 * One item's texts by element name: {@code title}, {@code link}, {@code guid},
	 * {@code pubDate}, {@code description} (Atom's {@code id}, {@code published} or
	 * {@code updated}, {@code summary} or {@code content} under the RSS names).
	 */
	/** The root elements of RSS 2.0 and 0.9x, Atom and RSS 1.0 (RDF). */
	private static final java.util.Set<String> FEED_ROOTS = java.util.Set.of("rss", "feed", "RDF");

	static List<Map<String, String>> read(byte[] xml) {
		List<Map<String, String>> items = new ArrayList<>();
		try {
			XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(xml));
			Map<String, String> item = null;
			String field = null;
			StringBuilder text = new StringBuilder();
			String root = null;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = reader.getLocalName();
					if (root == null) {
						root = name;
						if (!FEED_ROOTS.contains(name)) {
							// a page that is well-formed XML (XHTML, an error document)
							// held no items and read as a healthy, empty feed
							throw new FeedException("The feed is not an RSS or Atom document (its root element is <"
									+ ((name.length() > 40) ? name.substring(0, 40) + "…" : name)
									+ ">, where rss, feed or RDF belongs)");
						}
					}
					if (name.equals("item") || name.equals("entry")) {
						item = new HashMap<>();
					}
					else if (item != null && field == null) {
						field = rssName(name);
						text.setLength(0);
						if ("link".equals(field) && reader.getAttributeValue(null, "href") != null) {
							String rel = reader.getAttributeValue(null, "rel");
							if (rel == null || rel.equals("alternate")) {
								item.put("link", reader.getAttributeValue(null, "href"));
							}
							field = null;
						}
					}
				}
				else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
						&& field != null) {
					text.append(reader.getText());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					String name = reader.getLocalName();
					if (item != null && (name.equals("item") || name.equals("entry"))) {
						items.add(item);
						item = null;
					}
					else if (item != null && field != null && field.equals(rssName(name))) {
						item.putIfAbsent(field, text.toString().strip());
						field = null;
					}
				}
			}
			if (root == null) {
				throw new FeedException("The feed is not an RSS or Atom document");
			}
			return items;
		}
		catch (XMLStreamException ex) {
			throw new FeedException("The feed is not well-formed XML");
		}
	}

	private static String rssName(String name) {
		return switch (name) {
			case "id" -> "guid";
			case "published", "updated", "date" -> "pubDate";
			case "summary", "content", "encoded" -> "description";
			default -> name;
		};
	}

	private static XMLInputFactory safeFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

}
