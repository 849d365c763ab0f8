/**
 * Scoring each ingested listing version, storing its score, emitting it, and the
 * {@code /api/v1/scores} endpoints.
 */
package com.bidstream.scoring.scores;
