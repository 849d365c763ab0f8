package com.bidstream.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.bidstream.contracts.AgencyIds;

/**
 * Resolves a raw API key to the caller it identifies. Only SHA-256 hashes are held.
 */
public class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	/**
	 * The local stack's fixed dev keys (contract section 2); present only in dev mode.
	 */
	static final Map<String, ApiKeyProperties.Entry> DEV_KEYS = Map.of("dev-operator-key",
			new ApiKeyProperties.Entry(null, "*", Role.OPERATOR), "dev-demo-key",
			new ApiKeyProperties.Entry(null, "demo", Role.MEMBER), "dev-acme-key",
			new ApiKeyProperties.Entry(null, "acme", Role.MEMBER));

	private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

	private final Map<String, Caller> configured = new HashMap<>();

	private final Path keysFile;

	private volatile FileTime keysFileTime;

	private volatile Map<String, Caller> fromFile = Map.of();

	public ApiKeys(ApiKeyProperties properties) {
		properties.keys()
			.forEach((entry) -> this.configured.put(entry.hash().toLowerCase(Locale.ROOT), toCaller(entry)));
		if (properties.devKeys()) {
			DEV_KEYS.forEach((key, entry) -> this.configured.put(sha256(key), toCaller(entry)));
			log.warn("Dev keys are enabled (dev-operator-key, dev-demo-key, dev-acme-key): local use only");
		}
		this.keysFile = properties.keysFile();
	}

	public Optional<Caller> authenticate(String rawKey) {
		if (rawKey == null || rawKey.isBlank()) {
			return Optional.empty();
		}
		String hash = sha256(rawKey.strip());
		Caller caller = this.configured.get(hash);
		return (caller != null) ? Optional.of(caller) : Optional.ofNullable(keysFromFile().get(hash));
	}

	public static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	private Map<String, Caller> keysFromFile() {
		if (this.keysFile == null || !Files.isRegularFile(this.keysFile)) {
			return Map.of();
		}
		try {
			FileTime modified = Files.getLastModifiedTime(this.keysFile);
			if (!modified.equals(this.keysFileTime)) {
				this.fromFile = parse(Files.readAllLines(this.keysFile));
				this.keysFileTime = modified;
			}
		}
		catch (IOException ex) {
			log.warn("Cannot read keys file {}: {}", this.keysFile, ex.getMessage());
		}
		return this.fromFile;
	}

	/**
	 * Reads the keys file; a line that is not {@code <sha256-hex> <agency|*> <ROLE>} is
	 * skipped and logged, so that one bad line never locks out every other key.
	 */
	static Map<String, Caller> parse(List<String> lines) {
		Map<String, Caller> keys = new HashMap<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			Optional<ApiKeyProperties.Entry> entry = entry(line.split("\\s+"));
			if (entry.isPresent()) {
				keys.put(entry.get().hash().toLowerCase(Locale.ROOT), toCaller(entry.get()));
			}
			else {
				log.warn("Keys file line {} is not '<sha256-hex> <agency|*> <MEMBER|OPERATOR>'; skipped", i + 1);
			}
		}
		return keys;
	}

	private static Optional<ApiKeyProperties.Entry> entry(String[] parts) {
		if (parts.length != 3 || !SHA256_HEX.matcher(parts[0]).matches()) {
			return Optional.empty();
		}
		for (Role role : Role.values()) {
			if (role.name().equals(parts[2])
					&& (role == Role.OPERATOR ? "*".equals(parts[1]) : AgencyIds.isValid(parts[1]))) {
				return Optional.of(new ApiKeyProperties.Entry(parts[0], parts[1], role));
			}
		}
		return Optional.empty();
	}

	private static Caller toCaller(ApiKeyProperties.Entry entry) {
		return (entry.role() == Role.OPERATOR) ? Caller.operator(null) : Caller.member(entry.agency());
	}

}
