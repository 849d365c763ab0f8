/**
 * The scoring model in plain Java: profile, segments, budget bands, AI exposure, signals
 * and decision.
 */
package com.bidstream.scoring.model;
