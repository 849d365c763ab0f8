package com.bidstream.testsupport.archfixture.gamma;

import java.time.Clock;
import java.time.Instant;

/**
 * Deliberately breaks the one-clock rule: it reads the system clock five ways.
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

	public java.time.LocalDate today() {
		return java.time.LocalDate.now(java.time.ZoneOffset.UTC);
	}

	public java.util.Date date() {
		return new java.util.Date();
	}

	public java.time.LocalDate givenClockToday(Clock clock) {
		return java.time.LocalDate.now(clock);
	}

	public Instant givenClock(Clock clock) {
		return clock.instant();
	}

}
