package com.bidstream.scoring.profile;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;
import com.bidstream.scoring.model.InvalidProfileException;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.model.Violation;

/**
 * {@code GET|PUT /api/v1/profile}: the calling agency's scoring profile (an operator
 * names the agency with {@code X-Agency-Id}, or {@code agency=} to read).
 */
@RestController
@RequestMapping("/api/v1/profile")
class ProfileController {

	private final Profiles profiles;

	ProfileController(Profiles profiles) {
		this.profiles = profiles;
	}

	@GetMapping
	ScoringProfile profile(Caller caller, @RequestParam(required = false) String agency) {
		return this.profiles.current(caller.resourceAgency(agency));
	}

	@PutMapping
	ScoringProfile change(Caller caller, @RequestBody Map<String, Object> body) {
		String agencyId = caller.writeAgency();
		ProfileRequest.Parsed request = ProfileRequest.read(body);
		if (!request.violations().isEmpty()) {
			throw invalid(request.violations());
		}
		try {
			return this.profiles.change(agencyId, request.change());
		}
		catch (InvalidProfileException ex) {
			throw invalid(ex.violations());
		}
	}

	private static ApiProblem invalid(List<Violation> violations) {
		return ApiProblem.validation(violations.stream()
			.map((violation) -> new FieldError(violation.field(), violation.message()))
			.toList());
	}

}
