package com.bidstream.platform.security;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where keys come from: entries in configuration
 * ({@code bidstream.security.keys[0].hash}, {@code .agency}, {@code .role}), an optional
 * keys file written by {@code ./bidstream key create} (one
 * {@code <sha256> <agency|*> <ROLE>} per line, re-read when it changes), and the fixed
 * dev keys, which exist only when {@code dev-keys} is true (the local stack).
 */
@ConfigurationProperties("bidstream.security")
public record ApiKeyProperties(boolean devKeys, List<Entry> keys, Path keysFile) {

	public ApiKeyProperties {
		keys = (keys != null) ? List.copyOf(keys) : List.of();
	}

	public record Entry(String hash, String agency, Role role) {

	}

}
