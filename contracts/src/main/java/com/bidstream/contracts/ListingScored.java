package com.bidstream.contracts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.bidstream.contracts.Listing.ClosedResult;

/**
 * Scoring scored one version of a listing. Besides the score it carries the listing facts
 * that downstream reports group by, so that a consumer of this topic alone can count the
 * funnel. {@code estimatedValue} is the fixed amount or the estimated value of an hourly
 * contract. {@code rescored} is true on a score of a version scored before (a re-score
 * with a changed profile), absent otherwise: its time tells how long the listing waited
 * for the re-score, not how long the pipeline took.
 */
public record ListingScored(UUID eventId, Instant occurredAt, String agencyId, String jobKey, int schemaVersion,
		int version, int score, Decision decision, String segment, BudgetBand budgetBand, boolean aiWork,
		AiExposure aiExposure, List<Signal> signals, List<String> redFlags, String modelVersion, String source,
		String category, List<String> skills, Instant postedAt, Instant firstIngestedAt, ClosedResult closedResult,
		BigDecimal estimatedValue, Integer proposals, Boolean rescored) implements ScoringEvent {

	public static final int SCHEMA_VERSION = 1;

	/**
	 * The client segments a score names (contract section 4), from the most spent to
	 * none.
	 */
	public static final List<String> SEGMENTS = List.of("enterprise", "established", "emerging", "new");

	public ListingScored {
		signals = (signals != null) ? List.copyOf(signals) : List.of();
		redFlags = (redFlags != null) ? List.copyOf(redFlags) : List.of();
		skills = (skills != null) ? List.copyOf(skills) : List.of();
	}

	/** A version's first score: {@code rescored} absent. */
	public ListingScored(UUID eventId, Instant occurredAt, String agencyId, String jobKey, int schemaVersion,
			int version, int score, Decision decision, String segment, BudgetBand budgetBand, boolean aiWork,
			AiExposure aiExposure, List<Signal> signals, List<String> redFlags, String modelVersion, String source,
			String category, List<String> skills, Instant postedAt, Instant firstIngestedAt, ClosedResult closedResult,
			BigDecimal estimatedValue, Integer proposals) {
		this(eventId, occurredAt, agencyId, jobKey, schemaVersion, version, score, decision, segment, budgetBand,
				aiWork, aiExposure, signals, redFlags, modelVersion, source, category, skills, postedAt,
				firstIngestedAt, closedResult, estimatedValue, proposals, null);
	}

	public enum Decision {

		PURSUE, REVIEW, SKIP

	}

	public enum BudgetBand {

		MICRO, SMALL, MEDIUM, LARGE, UNKNOWN

	}

	public enum AiExposure {

		AUTOMATABLE, AI_ASSISTED, HUMAN_CRITICAL

	}

	/**
	 * One explained signal: a value in 0..1, its weight in the profile, and why.
	 */
	public record Signal(String name, double value, double weight, String reason) {

	}

}
