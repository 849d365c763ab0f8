package com.bidstream.scoring.calibration;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.platform.messaging.EventConsumer;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.roster.Workload;

/**
 * {@code GET /api/v1/profile/calibration?target=REPLIED|HIRED} and
 * {@code POST /api/v1/profile/calibration/accept?target=...} (which answers the profile,
 * with its new version). An operator names the agency with {@code X-Agency-Id}, or
 * {@code agency=} to read.
 */
@RestController
@RequestMapping("/api/v1/profile/calibration")
class CalibrationController {

	private final Calibrations calibrations;

	CalibrationController(Calibrations calibrations) {
		this.calibrations = calibrations;
	}

	@GetMapping
	CalibrationView calibration(Caller caller, @RequestParam(required = false) String target,
			@RequestParam(required = false) String agency) {
		return this.calibrations.compute(caller.resourceAgency(agency), target(target));
	}

	/**
	 * {@code fit} (optional, from the calibration that was read) accepts exactly that
	 * fit: 409 {@code calibration-changed} when outcomes recorded since make another.
	 */
	@PostMapping("/accept")
	ScoringProfile accept(Caller caller, @RequestParam(required = false) String target,
			@RequestParam(required = false) String fit) {
		String reviewed = (fit == null || fit.isBlank()) ? null : fit.strip();
		return this.calibrations.accept(caller.writeAgency(), target(target), reviewed);
	}

	private static Calibrations.Target target(String target) {
		if (target == null || target.isBlank()) {
			return Calibrations.Target.REPLIED;
		}
		try {
			return Calibrations.Target.valueOf(target.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("target", "must be REPLIED or HIRED");
		}
	}

	/**
	 * The consumer of {@code pursuits.events} as group {@code scoring}: each batch keeps
	 * the pursuits' outcomes for calibration and who holds them for the roster's capacity
	 * ({@link Workload}), in one transaction.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OutcomesMessaging {

		@Bean
		Consumer<List<byte[]>> pursuitOutcomes(EventConsumer events, Outcomes outcomes, Workload workload) {
			return events.batchOf("scoring", PursuitAdvanced.class, (batch) -> {
				outcomes.record(batch);
				workload.record(batch);
			});
		}

	}

}
