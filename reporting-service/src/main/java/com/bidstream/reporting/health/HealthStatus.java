package com.bidstream.reporting.health;

/**
 * A stage's or the pipeline's state, worst last; {@link #level()} is the gauge's value.
 */
enum HealthStatus {

	OK, DEGRADED, DOWN;

	int level() {
		return ordinal();
	}

	HealthStatus worst(HealthStatus other) {
		return (other.ordinal() > ordinal()) ? other : this;
	}

}
