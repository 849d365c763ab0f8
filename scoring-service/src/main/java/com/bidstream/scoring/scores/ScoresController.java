package com.bidstream.scoring.scores;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bidstream.platform.security.Caller;
import com.bidstream.platform.web.ApiProblem;

/**
 * {@code GET /api/v1/scores/{jobKey}} and {@code GET /api/v1/scores}: the calling
 * agency's scores. Another agency's listing is not found, never forbidden.
 */
@RestController
@RequestMapping("/api/v1/scores")
class ScoresController {

	private final ScoreStore scores;

	ScoresController(ScoreStore scores) {
		this.scores = scores;
	}

	@GetMapping("/{jobKey}")
	ScoreView score(Caller caller, @PathVariable String jobKey, @RequestParam(required = false) String agency) {
		String agencyId = caller.resourceAgency(agency);
		return this.scores.find(agencyId, jobKey)
			.orElseThrow(() -> ApiProblem.notFound("No score for listing " + jobKey + " (yet)"));
	}

	/**
	 * The agency's open listings, best score first; an operator without {@code agency=}
	 * sees every agency's. {@code offset} pages through the ranking.
	 */
	@GetMapping
	RankedScores ranked(Caller caller, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String decision, @RequestParam(required = false) String minScore,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
		ScoreQuery query = ScoreQuery.of(decision, minScore, limit, offset);
		return new RankedScores(this.scores.ranked(caller.readScope(agency), query));
	}

	/**
	 * The answer of the ranking: the scores, best first.
	 */
	record RankedScores(List<ScoreView> scores) {

	}

}
