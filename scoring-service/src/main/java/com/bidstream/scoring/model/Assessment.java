package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.List;

import com.bidstream.contracts.ListingScored.AiExposure;
import com.bidstream.contracts.ListingScored.BudgetBand;
import com.bidstream.contracts.ListingScored.Decision;
import com.bidstream.contracts.ListingScored.Signal;

/**
 * The model's verdict on one listing version. {@code estimatedValue} is the fixed amount
 * or the hourly estimate ({@link ContractValue}), null without a budget; {@code matches}
 * are the roster's freelancers who fit it, best first.
 */
public record Assessment(int score, Decision decision, String segment, BudgetBand budgetBand, BigDecimal estimatedValue,
		boolean aiWork, AiExposure aiExposure, List<Signal> signals, List<String> redFlags, List<Match> matches) {

	public Assessment {
		signals = List.copyOf(signals);
		redFlags = List.copyOf(redFlags);
		matches = List.copyOf(matches);
	}

}
