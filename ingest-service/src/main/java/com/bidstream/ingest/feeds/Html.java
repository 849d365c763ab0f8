package com.bidstream.ingest.feeds;

import java.util.regex.Pattern;

/**
 * Plain text from the little HTML feeds put in their descriptions.
 */
final class Html {

	private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>|</p>");

	private static final Pattern TAG = Pattern.compile("<[^>]*>");

	private Html() {
	}

	static String text(String html) {
		String text = TAG.matcher(BREAK.matcher(html).replaceAll("\n")).replaceAll("");
		text = text.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&");
		return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
	}

}
