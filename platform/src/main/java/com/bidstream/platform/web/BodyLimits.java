package com.bidstream.platform.web;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a JSON or form request body may be ({@code bidstream.web.max-body}, 1MB), and
 * the paths that take larger ones ({@code bidstream.web.larger-bodies}, by path prefix:
 * {@code "[/api/v1/listings]": 10MB}; such a path is bounded whatever its body's type). A
 * parsed JSON tree costs many times its bytes, so the larger bound belongs only on the
 * endpoints that need it and bound their own work.
 */
@ConfigurationProperties("bidstream.web")
public record BodyLimits(@DefaultValue("1MB") DataSize maxBody, Map<String, DataSize> largerBodies) {

	public BodyLimits {
		largerBodies = (largerBodies != null) ? Map.copyOf(largerBodies) : Map.of();
	}

	/**
	 * Whether {@code larger-bodies} names the path (by prefix): its body is then bounded
	 * whatever its type.
	 */
	public boolean names(String path) {
		return this.largerBodies.keySet().stream().anyMatch(path::startsWith);
	}

	/**
	 * The bound of a request path: the longest prefix of {@code larger-bodies} it starts
	 * with, else {@code max-body}.
	 */
	public long bytesFor(String path) {
		String longest = null;
		for (String prefix : this.largerBodies.keySet()) {
			if (path.startsWith(prefix) && (longest == null || prefix.length() > longest.length())) {
				longest = prefix;
			}
		}
		return ((longest != null) ? this.largerBodies.get(longest) : this.maxBody).toBytes();
	}

}
