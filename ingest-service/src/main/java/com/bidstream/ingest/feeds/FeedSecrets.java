package com.bidstream.ingest.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a feed's token and webhook secret before they are stored, and opens them when
 * read: AES-256-GCM under {@code bidstream.ingest.secrets-key} (32 random bytes, base64),
 * a fresh 12-byte nonce each time, and the feed's id as associated data, so a sealed
 * value copied onto another feed's row does not open. A sealed value reads
 * {@code v1:<base64 of nonce and ciphertext>}; the version leaves room for another key or
 * cipher later. A database dump or backup so holds no usable token.
 */
@Component
class FeedSecrets {

	static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final SecureRandom random = new SecureRandom();

	FeedSecrets(@Value("${bidstream.ingest.secrets-key:}") String encoded) {
		this.key = new SecretKeySpec(decode(encoded), "AES");
	}

	private static byte[] decode(String encoded) {
		if (encoded == null || encoded.isBlank()) {
			throw new IllegalStateException("bidstream.ingest.secrets-key is not set: ingest seals feed tokens and "
					+ "webhook secrets with it. Give it 32 random bytes in base64 (openssl rand -base64 32), for "
					+ "example as BIDSTREAM_INGEST_SECRETSKEY; ./bidstream up makes one in its data directory");
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(encoded.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("bidstream.ingest.secrets-key is not base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException(
					"bidstream.ingest.secrets-key must be 32 bytes (base64 of 32 random bytes), not " + key.length);
		}
		return key;
	}

	/**
	 * The value to store in a feed's {@code column} ({@code token} or {@code secret});
	 * null stays null.
	 */
	String seal(UUID feed, String column, String plain) {
		if (plain == null) {
			return null;
		}
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, feed, column, nonce).apply(plain.getBytes(StandardCharsets.UTF_8));
		return PREFIX + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

	/**
	 * The token or secret a stored value holds. A value stored before sealing existed (no
	 * prefix) is returned as it is, until {@link #isSealed} tells it to be sealed.
	 * @throws IllegalStateException when the value does not open with this key, for this
	 * feed and column, or is not a sealed value at all
	 */
	String open(UUID feed, String column, String stored) {
		if (stored == null || !isSealed(stored)) {
			return stored;
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("A feed's sealed " + column + " is not base64", ex);
		}
		if (bytes.length <= NONCE_BYTES) {
			throw new IllegalStateException("A feed's sealed " + column + " is too short to hold anything");
		}
		byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
		byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
		return new String(cipher(Cipher.DECRYPT_MODE, feed, column, nonce).apply(sealed), StandardCharsets.UTF_8);
	}

	static boolean isSealed(String stored) {
		return stored.startsWith(PREFIX);
	}

	private UnaryOperator<byte[]> cipher(int mode, UUID feed, String column, byte[] nonce) {
		return (input) -> {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
				cipher.updateAAD((feed + "/" + column).getBytes(StandardCharsets.UTF_8));
				return cipher.doFinal(input);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("A feed's sealed token or secret does not open with this "
						+ "bidstream.ingest.secrets-key (was it sealed with another key?)", ex);
			}
		};
	}

}
