package com.bidstream.scoring.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.FieldError;

/**
 * The filters of {@code GET /api/v1/scores}: {@code decision} (PURSUE, REVIEW or SKIP),
 * {@code minScore} (0..100), {@code limit} (1..500, default 50) and {@code offset} (how
 * many of the ranking to pass over first, 0..{@value #MAX_OFFSET}, default 0: the next
 * page of the same ranking).
 */
record ScoreQuery(Optional<Decision> decision, Optional<Integer> minScore, int limit, int offset) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	static final int MAX_OFFSET = 10_000;

	/**
	 * Reads the request parameters; any invalid one is a 400 naming it.
	 */
	static ScoreQuery of(String decision, String minScore, String limit, String offset) {
		List<FieldError> errors = new ArrayList<>();
		Optional<Decision> wanted = Optional.empty();
		if (decision != null && !decision.isBlank()) {
			try {
				wanted = Optional.of(Decision.valueOf(decision.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("decision", "must be PURSUE, REVIEW or SKIP"));
			}
		}
		Integer least = integer("minScore", minScore, 0, 100, errors);
		Integer most = integer("limit", limit, 1, MAX_LIMIT, errors);
		Integer skipped = integer("offset", offset, 0, MAX_OFFSET, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.validation(errors);
		}
		return new ScoreQuery(wanted, Optional.ofNullable(least), (most != null) ? most : DEFAULT_LIMIT,
				(skipped != null) ? skipped : 0);
	}

	private static Integer integer(String name, String value, int min, int max, List<FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
		return null;
	}

}
