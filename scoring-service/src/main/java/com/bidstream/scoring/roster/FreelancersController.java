package com.bidstream.scoring.roster;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.contracts.FreelancerIds;
import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;

/**
 * {@code GET /api/v1/freelancers} (an operator reads every agency's, or the one
 * {@code agency=} names), {@code GET /api/v1/freelancers/{id}} and {@code PUT
 * /api/v1/freelancers/{id}}: 201 when it creates the freelancer, 200 when it changes one
 * (an operator names the agency with {@code X-Agency-Id}).
 */
@RestController
@RequestMapping("/api/v1/freelancers")
class FreelancersController {

	private final Roster roster;

	FreelancersController(Roster roster) {
		this.roster = roster;
	}

	@GetMapping
	Map<String, List<FreelancerView>> list(Caller caller, @RequestParam(required = false) String agency) {
		return Map.of("freelancers", this.roster.list(caller.readScope(agency)));
	}

	@GetMapping("/{id}")
	FreelancerView one(Caller caller, @PathVariable String id, @RequestParam(required = false) String agency) {
		String agencyId = caller.resourceAgency(agency);
		return this.roster.find(agencyId, id).orElseThrow(() -> ApiProblem.notFound("No freelancer " + id));
	}

	@PutMapping("/{id}")
	ResponseEntity<FreelancerView> put(Caller caller, @PathVariable String id, @RequestBody Map<String, Object> body) {
		String agencyId = caller.writeAgency();
		if (!FreelancerIds.isValid(id)) {
			throw ApiProblem.invalidField("id", FreelancerIds.RULE);
		}
		FreelancerRequest.Change change = FreelancerRequest.read(body);
		if (!change.errors().isEmpty()) {
			throw ApiProblem.validation(change.errors());
		}
		Roster.Saved saved = this.roster.put(agencyId, id, change);
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.freelancer());
	}

}
