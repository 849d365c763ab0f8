package com.bidstream.scoring.scores;

import java.time.Instant;
import java.util.List;

import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;
import com.bidstream.scoring.model.Match;

/**
 * A stored score as {@code GET /api/v1/scores/{jobKey}} answers it (contract section 4).
 * {@code matches} are the roster's freelancers who fit the listing when it was scored
 * (empty for scores stored before the roster existed). Beyond the contract's fields,
 * {@code title} and {@code url} are those of the listing version scored (null for scores
 * stored before they were kept), so that a ranked list names its jobs.
 */
record ScoreView(String jobKey, String agencyId, String title, String url, int version, int score, Decision decision,
		String segment, BudgetBand budgetBand, boolean aiWork, AiExposure aiExposure, List<Signal> signals,
		List<String> redFlags, List<Match> matches, String modelVersion, Instant scoredAt) {

}
