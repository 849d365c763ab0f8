package com.bidstream.localstack.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import com.bidstream.contracts.AgencyIds;

/**
 * The keys file the services read ({@code bidstream.security.keys-file}): one
 * {@code <sha256-hex> <agency|*> <ROLE>} per line. Only hashes are stored; a new key is
 * shown once, to the person who created it. The services re-read the file when it
 * changes.
 */
public final class KeysFile {

	private static final String HEADER = "# API keys: one \"<sha256-hex> <agency|*> <MEMBER|OPERATOR>\" per line,"
			+ " written by ./bidstream key create" + System.lineSeparator();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Path file;

	public KeysFile(Path file) {
		this.file = file;
	}

	public Path path() {
		return this.file;
	}

	/**
	 * Creates the file (readable by its owner only) when it is missing.
	 */
	public void ensureExists() {
		if (Files.exists(this.file)) {
			return;
		}
		try {
			Files.createDirectories(this.file.getParent());
			Files.writeString(this.file, HEADER, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			ownerOnly(this.file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + this.file, ex);
		}
	}

	/**
	 * Generates a key, appends its hash, and returns the key itself (never stored).
	 */
	public String create(String agency, Role role) {
		String owner = (role == Role.OPERATOR) ? "*" : agency;
		if (role == Role.MEMBER && !AgencyIds.isValid(agency)) {
			throw new IllegalArgumentException("--agency must be " + AgencyIds.RULE);
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String key = "bsk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		ensureExists();
		try {
			Files.writeString(this.file, "%s %s %s%n".formatted(sha256(key), owner, role.name()),
					StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + this.file, ex);
		}
		return key;
	}

	static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest).toLowerCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): the directory's own protection applies
		}
	}

	/**
	 * The roles a key can have, as the services name them.
	 */
	public enum Role {

		MEMBER, OPERATOR

	}

}
