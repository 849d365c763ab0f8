package com.bidstream.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.bidstream.contracts.Listing;

/**
 * The profile's red-flag terms (payment off-platform, contact by messenger apps) found in
 * a listing's title or description, case-insensitively. Any one of them means SKIP.
 */
final class RedFlags {

	private RedFlags() {
	}

	static List<String> find(Listing listing, List<String> terms) {
		String title = lower(listing.title());
		String description = lower(listing.description());
		List<String> flags = new ArrayList<>();
		for (String term : terms) {
			String needle = lower(term).trim();
			if (needle.isEmpty()) {
				continue;
			}
			boolean inTitle = title.contains(needle);
			boolean inDescription = description.contains(needle);
			if (inTitle || inDescription) {
				String where = (inTitle && inDescription) ? "title and description mention"
						: (inTitle ? "title mentions" : "description mentions");
				flags.add(where + " \"" + term.trim() + "\"");
			}
		}
		return flags;
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(Locale.ROOT) : "";
	}

}
