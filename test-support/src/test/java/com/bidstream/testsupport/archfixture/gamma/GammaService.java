package com.bidstream.testsupport.archfixture.gamma;

import java.time.Clock;
import java.time.Instant;

/**
 * Deliberately breaks the one-clock rule: it reads the system clock three ways.
 */
public class GammaService {

	public Instant now() {
		return Instant.now();
	}

	public Instant utc() {
		return Clock.systemUTC().instant();
	}

	public long millis() {
		return System.currentTimeMillis();
	}

	public Instant givenClock(Clock clock) {
		return clock.instant();
	}

}
