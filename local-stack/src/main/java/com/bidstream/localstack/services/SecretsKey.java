package com.bidstream.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key ingest seals feed tokens and webhook secrets with, kept in the stack's data
 * directory as a Spring config tree (a file named after the property), readable by its
 * owner only. Made with 32 random bytes on the first start; passed by path, so the key
 * never shows in a process list. {@link #rotate} makes a new key and keeps the old one in
 * {@value #PREVIOUS}, which ingest opens older values with and seals them again under the
 * new key at its next start.
 */
public final class SecretsKey {

	static final String PROPERTY = "bidstream.ingest.secrets-key";

	static final String PREVIOUS = "bidstream.ingest.previous-secrets-keys";

	private SecretsKey() {
	}

	/**
	 * Rotates the key of the stack whose data directory is {@code dataDir}: the current
	 * key joins the previous keys (written first, so that no moment leaves a value
	 * without a key that opens it), then a new key replaces it.
	 * @return the config tree directory
	 */
	public static Path rotate(Path dataDir) {
		Path dir = dataDir.resolve("ingest").resolve("secrets");
		Path file = dir.resolve(PROPERTY);
		// beside the config tree, not in it, so it never reads as a property
		try (FileChannel lock = FileChannel.open(dataDir.resolve("ingest").resolve("secrets.lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = lock.lock()) {
			if (!Files.exists(file)) {
				throw nothingToRotate(dir);
			}
			String current = Files.readString(file, StandardCharsets.US_ASCII).strip();
			Path previousFile = dir.resolve(PREVIOUS);
			String previous = Files.exists(previousFile)
					? Files.readString(previousFile, StandardCharsets.US_ASCII).strip() : "";
			write(dir, previousFile, previous.isEmpty() ? current : previous + "," + current, true);
			write(dir, file, newKey(), true);
			return dir;
		}
		catch (NoSuchFileException ex) {
			throw nothingToRotate(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot rotate ingest's secrets key in " + dir, ex);
		}
	}

	private static IllegalArgumentException nothingToRotate(Path dir) {
		return new IllegalArgumentException("No secrets key in " + dir
				+ " yet: ./bidstream up makes one on its first start, and there is nothing to rotate");
	}

	private static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * Written whole or not at all, readable by its owner only, and on the disk (the file
	 * and its directory forced) before this returns: a key lost in a power cut would
	 * leave every value sealed with it unreadable. {@code replace} false keeps a file
	 * that is already there.
	 */
	private static void write(Path dir, Path file, String value, boolean replace) throws IOException {
		Path written = Files.createTempFile(dir, "key-", ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			try (FileChannel channel = FileChannel.open(written, StandardOpenOption.WRITE)) {
				channel.write(ByteBuffer.wrap(value.getBytes(StandardCharsets.US_ASCII)));
				channel.force(true);
			}
			if (replace) {
				Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			else {
				Files.move(written, file);
			}
			try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
				directory.force(true);
			}
		}
		finally {
			Files.deleteIfExists(written);
		}
	}

	/**
	 * The config tree directory holding the key, made with a new key if there is none.
	 */
	static Path ensure(Path dir) {
		Path file = dir.resolve(PROPERTY);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(dir);
				write(dir, file, newKey(), false);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make ingest's secrets key in " + dir, ex);
		}
	}

}
