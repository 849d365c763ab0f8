package com.bidstream.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An externalId for a feed item: its own id when the contract allows it, otherwise one
 * derived from it (the first of id, link, title that is there), stable across polls.
 */
final class SafeIds {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~:-]{1,128}");

	private SafeIds() {
	}

	static String of(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				String id = candidate.strip();
				return SAFE.matcher(id).matches() ? id : "h-" + sha256(id).substring(0, 40);
			}
		}
		return null;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
