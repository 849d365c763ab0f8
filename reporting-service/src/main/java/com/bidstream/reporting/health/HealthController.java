package com.bidstream.reporting.health;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.reporting.dashboard.CallerKeys;

/**
 * {@code GET /api/v1/reports/health}. An operator key reads every agency (or the one
 * {@code agency=} names); a member key reads its own agency's share: its stage figures,
 * sources and dead letters, beside the broker-wide lag and dead-letter counts, which
 * belong to no agency.
 */
@RestController
class HealthController {

	private final HealthService health;

	private final FeedCheck feeds;

	HealthController(HealthService health, FeedCheck feeds) {
		this.health = health;
		this.feeds = feeds;
	}

	@GetMapping("/api/v1/reports/health")
	HealthReport health(Caller caller, @RequestParam(required = false) String agency, HttpServletRequest request) {
		Optional<String> scope = caller.readScope(agency);
		return this.health.report(scope, caller.isOperator(),
				this.feeds.check(CallerKeys.of(request), caller.isOperator(), scope));
	}

}
