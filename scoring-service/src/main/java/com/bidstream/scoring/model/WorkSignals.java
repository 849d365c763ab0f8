package com.bidstream.scoring.model;

import java.time.Duration;
import java.time.Instant;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.Listing.ExperienceLevel;

/**
 * The signals about the work and the race for it ({@code proofMatch} is
 * {@link RosterMatch}'s): {@code scopeDepth}, {@code aiResilience}, {@code competition},
 * {@code freshness}.
 */
final class WorkSignals {

	private WorkSignals() {
	}

	/**
	 * Experience level (up to 0.4), length of the brief (up to 0.3) and duration (up to
	 * 0.3): the depth of the engagement.
	 */
	static Reading scopeDepth(Listing listing) {
		ExperienceLevel level = listing.experienceLevel();
		double value = (level == null) ? 0.2 : switch (level) {
			case EXPERT -> 0.4;
			case INTERMEDIATE -> 0.25;
			case ENTRY -> 0.1;
		};
		int length = (listing.description() != null) ? listing.description().strip().length() : 0;
		value += (length >= 1500) ? 0.3 : ((length >= 400) ? 0.2 : ((length >= 100) ? 0.1 : 0));
		int weeks = ContractValue.weeks(listing.duration());
		value += (weeks >= 18) ? 0.3 : ((weeks >= 8) ? 0.2 : 0.1);
		String reason = ((level != null) ? level + " level" : "no experience level") + ", "
				+ ((listing.duration() != null) ? listing.duration().strip() : "no duration") + ", "
				+ ((length >= 400) ? "detailed" : ((length >= 100) ? "short" : "little or no")) + " description ("
				+ Text.count(length, "char", "chars") + ")";
		return new Reading(value, reason);
	}

	/**
	 * How well the work holds up as AI tools take over routine jobs.
	 */
	static Reading aiResilience(AiClassifier.Classification ai) {
		double value = switch (ai.exposure()) {
			case HUMAN_CRITICAL -> 1.0;
			case AI_ASSISTED -> 0.6;
			case AUTOMATABLE -> 0.1;
		};
		String reason = ai.reason() + (ai.aiWork() ? "; AI work itself (" + String.join(", ", ai.aiTerms()) + ")" : "");
		return new Reading(value, reason);
	}

	/**
	 * Fewer proposals, better odds: 1 / (1 + proposals / 15).
	 */
	static Reading competition(Integer proposals) {
		if (proposals == null) {
			return new Reading(0.5, "proposal count unknown");
		}
		int count = Math.max(0, proposals);
		String reason = (count == 0) ? "no proposals yet" : Text.count(count, "proposal", "proposals") + " so far";
		return new Reading(1 / (1 + count / 15.0), reason);
	}

	/**
	 * Halves every 24 hours since the listing was posted.
	 */
	static Reading freshness(Instant postedAt, Instant now) {
		if (postedAt == null) {
			return new Reading(0.3, "posting time unknown");
		}
		Duration age = Duration.between(postedAt, now);
		if (age.isNegative()) {
			age = Duration.ZERO;
		}
		double hours = age.toMinutes() / 60.0;
		return new Reading(Math.pow(0.5, hours / 24), "posted " + ago(age));
	}

	private static String ago(Duration age) {
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return Text.count(age.toMinutes(), "minute", "minutes") + " ago";
		}
		if (age.toHours() < 48) {
			return Text.count(age.toHours(), "hour", "hours") + " ago";
		}
		return Text.count(age.toDays(), "day", "days") + " ago";
	}

}
