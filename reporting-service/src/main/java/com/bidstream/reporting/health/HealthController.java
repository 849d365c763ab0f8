package com.bidstream.reporting.health;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;

/**
 * {@code GET /api/v1/reports/health}. An operator key reads every agency (or the one
 * {@code agency=} names); a member key reads its own agency's share: its stage figures,
 * sources and dead letters, beside the broker-wide lag and dead-letter counts, which
 * belong to no agency.
 */
@RestController
class HealthController {

	private final HealthService health;

	HealthController(HealthService health) {
		this.health = health;
	}

	@GetMapping("/api/v1/reports/health")
	HealthReport health(Caller caller, @RequestParam(required = false) String agency) {
		return this.health.report(caller.readScope(agency), caller.isOperator());
	}

}
