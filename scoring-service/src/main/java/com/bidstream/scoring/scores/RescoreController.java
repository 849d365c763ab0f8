package com.bidstream.scoring.scores;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.Uuids;

/**
 * {@code POST /api/v1/rescore} (202 with the rescore; the running one if there is one),
 * and its progress: {@code GET /api/v1/rescore} (the agency's latest) and {@code GET
 * /api/v1/rescore/{id}}. An operator names the agency with {@code X-Agency-Id}, or
 * {@code agency=} to read.
 */
@RestController
@RequestMapping("/api/v1/rescore")
class RescoreController {

	private final Rescores rescores;

	RescoreController(Rescores rescores) {
		this.rescores = rescores;
	}

	@PostMapping
	ResponseEntity<RescoreView> start(Caller caller) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.rescores.start(caller.writeAgency()));
	}

	@GetMapping
	RescoreView latest(Caller caller, @RequestParam(required = false) String agency) {
		return this.rescores.latest(caller.resourceAgency(agency))
			.orElseThrow(() -> ApiProblem.notFound("The agency has not asked for a rescore"));
	}

	@GetMapping("/{id}")
	RescoreView one(Caller caller, @PathVariable String id, @RequestParam(required = false) String agency) {
		UUID rescoreId = Uuids.parse(id).orElseThrow(() -> ApiProblem.notFound("No rescore " + id));
		return this.rescores.find(caller.resourceAgency(agency), rescoreId)
			.orElseThrow(() -> ApiProblem.notFound("No rescore " + id));
	}

}
