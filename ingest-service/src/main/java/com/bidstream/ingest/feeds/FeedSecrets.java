package com.bidstream.ingest.feeds;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals a feed's token and webhook secret before they are stored, and opens them when
 * read: AES-256-GCM under {@code bidstream.ingest.secrets-key} (32 random bytes, base64),
 * a fresh 12-byte nonce each time, and the feed's id as associated data, so a sealed
 * value copied onto another feed's row does not open. A sealed value reads
 * {@code v1:<base64 of nonce and ciphertext>}. A database dump or backup so holds no
 * usable token.
 * <p>
 * Keys rotate: {@code bidstream.ingest.previous-secrets-keys} (comma-separated) lists the
 * keys sealed values may still be under. A value opens with the current key or, failing
 * that, with each previous key in turn (GCM's tag tells a wrong key); {@link #resealed}
 * gives what to store instead of a value not sealed with the current key, which
 * {@link Feeds} applies at start and every hour. Once it has, the previous keys can go.
 */
@Component
class FeedSecrets {

	static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	/** The current key, then the previous ones, in the order a value is tried with. */
	private final List<SecretKey> keys;

	private final SecureRandom random = new SecureRandom();

	FeedSecrets(String encoded) {
		this(encoded, "");
	}

	@Autowired
	FeedSecrets(@Value("${bidstream.ingest.secrets-key:}") String encoded,
			@Value("${bidstream.ingest.previous-secrets-keys:}") String previous) {
		this.key = new SecretKeySpec(decode(encoded, "bidstream.ingest.secrets-key"), "AES");
		List<SecretKey> keys = new ArrayList<>();
		keys.add(this.key);
		Arrays.stream(previous.split(","))
			.filter((value) -> !value.isBlank())
			.map((value) -> new SecretKeySpec(decode(value, "bidstream.ingest.previous-secrets-keys"), "AES"))
			.forEach(keys::add);
		this.keys = List.copyOf(keys);
	}

	private static byte[] decode(String encoded, String property) {
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
			throw new IllegalStateException(property + " is not base64", ex);
		}
		if (key.length != 32) {
			throw new IllegalStateException(
					property + " must be 32 bytes (base64 of 32 random bytes), not " + key.length);
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
		byte[] sealed = cipher(Cipher.ENCRYPT_MODE, this.key, feed, column, nonce)
			.apply(plain.getBytes(StandardCharsets.UTF_8));
		return PREFIX + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

	/**
	 * The token or secret a stored value holds. A value stored before sealing existed (no
	 * prefix) is returned as it is, until {@link #isSealed} tells it to be sealed.
	 * @throws IllegalStateException when the value does not open with the current key nor
	 * a previous one, for this feed and column, or is not a sealed value at all
	 */
	String open(UUID feed, String column, String stored) {
		if (stored == null || !isSealed(stored)) {
			return stored;
		}
		Sealed sealed = parse(column, stored);
		IllegalStateException failure = null;
		for (SecretKey candidate : this.keys) {
			try {
				return new String(
						cipher(Cipher.DECRYPT_MODE, candidate, feed, column, sealed.nonce()).apply(sealed.bytes()),
						StandardCharsets.UTF_8);
			}
			catch (IllegalStateException ex) {
				failure = ex;
			}
		}
		throw failure;
	}

	/**
	 * What to store instead of {@code stored}: the value sealed with the current key when
	 * it is in plain text or sealed with a previous key; empty when it is null or already
	 * sealed with the current key.
	 * @throws IllegalStateException when it opens with no key
	 */
	Optional<String> resealed(UUID feed, String column, String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		if (isSealed(stored)) {
			Sealed sealed = parse(column, stored);
			try {
				cipher(Cipher.DECRYPT_MODE, this.key, feed, column, sealed.nonce()).apply(sealed.bytes());
				return Optional.empty();
			}
			catch (IllegalStateException ex) {
				// not the current key's: opened with a previous one below, or refused
			}
		}
		return Optional.of(seal(feed, column, open(feed, column, stored)));
	}

	private record Sealed(byte[] nonce, byte[] bytes) {

	}

	private static Sealed parse(String column, String stored) {
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
		return new Sealed(Arrays.copyOfRange(bytes, 0, NONCE_BYTES),
				Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
	}

	static boolean isSealed(String stored) {
		return stored.startsWith(PREFIX);
	}

	private static UnaryOperator<byte[]> cipher(int mode, SecretKey key, UUID feed, String column, byte[] nonce) {
		return (input) -> {
			try {
				Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
				cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
				cipher.updateAAD((feed + "/" + column).getBytes(StandardCharsets.UTF_8));
				return cipher.doFinal(input);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(
						"A feed's sealed token or secret does not open with "
								+ "bidstream.ingest.secrets-key nor a previous key (was it sealed with another key?)",
						ex);
			}
		};
	}

}
