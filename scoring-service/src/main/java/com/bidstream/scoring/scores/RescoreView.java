package com.bidstream.scoring.scores;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A rescore and how far it got: {@code processed} of {@code total} scores read again,
 * {@code changed} of them stored and published anew.
 */
record RescoreView(UUID rescoreId, String agencyId, String status, int total, int processed, int changed,
		Instant requestedAt, @Nullable Instant finishedAt, @Nullable String error) {

}
