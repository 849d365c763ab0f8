package com.bidstream.localstack.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key ingest seals feed tokens and webhook secrets with, kept in the stack's data
 * directory as a Spring config tree (a file named after the property), readable by its
 * owner only. Made with 32 random bytes on the first start; passed by path, so the key
 * never shows in a process list.
 */
final class SecretsKey {

	static final String PROPERTY = "bidstream.ingest.secrets-key";

	private SecretsKey() {
	}

	/**
	 * The config tree directory holding the key, made with a new key if there is none.
	 */
	static Path ensure(Path dir) {
		Path file = dir.resolve(PROPERTY);
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(dir);
				byte[] key = new byte[32];
				new SecureRandom().nextBytes(key);
				Path written = Files.createTempFile(dir, "key-", ".tmp",
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				Files.writeString(written, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
				Files.move(written, file);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make ingest's secrets key in " + dir, ex);
		}
	}

}
