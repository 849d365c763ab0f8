package com.bidstream.localstack.demo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the demo's feed and its pursuits know of each other's listings (by
 * {@code externalId}), so that their story holds together: a job the feed closed without
 * a hire is never hired, and a job the agency was hired on never closes without a hire.
 */
final class DemoOutcomes {

	private final Set<String> hired = ConcurrentHashMap.newKeySet();

	private final Set<String> closedWithoutAHire = ConcurrentHashMap.newKeySet();

	void hired(String externalId) {
		this.hired.add(externalId);
	}

	boolean wasHired(String externalId) {
		return this.hired.contains(externalId);
	}

	void closedWithoutAHire(String externalId) {
		this.closedWithoutAHire.add(externalId);
	}

	boolean isClosedWithoutAHire(String externalId) {
		return this.closedWithoutAHire.contains(externalId);
	}

}
