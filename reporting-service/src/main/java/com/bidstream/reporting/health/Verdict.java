package com.bidstream.reporting.health;

import java.util.List;

/**
 * A status and the words that explain it.
 */
record Verdict(HealthStatus status, String reason) {

	static Verdict ok(String reason) {
		return new Verdict(HealthStatus.OK, reason);
	}

	/** The worst of the findings, with all their reasons; {@code quiet} when none. */
	static Verdict of(List<Verdict> findings, String quiet) {
		if (findings.isEmpty()) {
			return ok(quiet);
		}
		HealthStatus worst = HealthStatus.OK;
		for (Verdict finding : findings) {
			worst = worst.worst(finding.status());
		}
		return new Verdict(worst, String.join("; ", findings.stream().map(Verdict::reason).toList()));
	}

}
