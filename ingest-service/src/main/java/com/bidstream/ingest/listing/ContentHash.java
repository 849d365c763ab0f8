package com.bidstream.ingest.listing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.bidstream.contracts.EventCodec;
import com.bidstream.contracts.Listing;

/**
 * The identity of a listing's content: SHA-256 of its canonical JSON (the validated
 * record as the wire codec writes it). Key order, unknown fields, time offsets and
 * trailing zeros of the input do not change it; any known field's value does.
 */
public final class ContentHash {

	private ContentHash() {
	}

	public static String of(Listing listing) {
		return of(EventCodec.toBytes(listing));
	}

	/**
	 * The hash of a listing already written by the wire codec (as the validator writes it
	 * once to check its size).
	 */
	static String of(byte[] canonical) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
