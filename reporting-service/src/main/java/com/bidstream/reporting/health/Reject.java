package com.bidstream.reporting.health;

import java.time.Instant;

/**
 * One dead letter: when it was dead-lettered, by which stage (its group), why, and the
 * agency its key names (null when the key names none), which decides who may see it.
 */
record Reject(Instant at, String stage, String reason, String agencyId) {

}
