package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.bidstream.contracts.Listing;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;

/**
 * The first scoring model ({@value #VERSION}): eight explained signals in 0..1, a score
 * of {@code round(100 * sum(weight * value) / sum(weight))}, and a decision by the
 * profile's thresholds that any red flag turns into SKIP.
 */
public final class ScoringModel {

	public static final String VERSION = "default-1";

	private ScoringModel() {
	}

	public static Assessment assess(Listing listing, ScoringProfile profile, Instant now) {
		return assess(listing, profile, List.of(), now);
	}

	/**
	 * Scores {@code listing} for an agency with this profile and freelancer roster: who
	 * fits it ({@link RosterMatch}) is its {@code proofMatch}.
	 */
	public static Assessment assess(Listing listing, ScoringProfile profile, List<Freelancer> roster, Instant now) {
		RosterMatch.Fits fits = RosterMatch.fits(listing, roster);
		List<Match> matches = fits.matches();
		Optional<BigDecimal> estimate = ContractValue.estimate(listing);
		BudgetBand band = ContractValue.band(estimate);
		AiClassifier.Classification ai = AiClassifier.classify(listing, band);
		Map<String, Reading> readings = new LinkedHashMap<>();
		readings.put("budget", DemandSignals.budget(listing, profile.floors(), estimate));
		readings.put("clientQuality", DemandSignals.clientQuality(listing.client()));
		readings.put("hireLikelihood", DemandSignals.hireLikelihood(listing.client()));
		readings.put("proofMatch", RosterMatch.proofMatch(fits, roster));
		readings.put("scopeDepth", WorkSignals.scopeDepth(listing));
		readings.put("aiResilience", WorkSignals.aiResilience(ai));
		readings.put("competition", WorkSignals.competition(listing.proposals()));
		readings.put("freshness", WorkSignals.freshness(listing.postedAt(), now));
		List<Signal> signals = new ArrayList<>();
		for (String name : ScoringProfile.SIGNALS) {
			Reading reading = readings.get(name);
			signals.add(new Signal(name, reading.value(), profile.weight(name), reading.reason()));
		}
		int score = score(signals);
		List<String> redFlags = RedFlags.find(listing, profile.redFlagTerms());
		String segment = Segments.of((listing.client() != null) ? listing.client().totalSpent() : null,
				profile.segmentRules());
		return new Assessment(score, decide(score, redFlags, profile), segment, band, estimate.orElse(null),
				ai.aiWork(), ai.exposure(), signals, redFlags, matches);
	}

	static int score(List<Signal> signals) {
		double weighted = 0;
		double weights = 0;
		for (Signal signal : signals) {
			weighted += signal.weight() * signal.value();
			weights += signal.weight();
		}
		if (weights <= 0) {
			return 0;
		}
		return (int) Math.max(0, Math.min(100, Math.round(100 * weighted / weights)));
	}

	static Decision decide(int score, List<String> redFlags, ScoringProfile profile) {
		if (!redFlags.isEmpty()) {
			return Decision.SKIP;
		}
		if (score >= profile.thresholds().pursue()) {
			return Decision.PURSUE;
		}
		return (score >= profile.thresholds().review()) ? Decision.REVIEW : Decision.SKIP;
	}

}
