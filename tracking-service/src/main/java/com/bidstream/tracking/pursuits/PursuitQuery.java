package com.bidstream.tracking.pursuits;

import java.util.Optional;

import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;

/**
 * The filters of {@code GET /api/v1/pursuits}; an empty agency means every agency (an
 * operator's view).
 */
record PursuitQuery(Optional<String> agencyId, Optional<Stage> stage, Optional<Outcome> outcome,
		Optional<String> freelancerId, Optional<String> segment, int limit) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

}
