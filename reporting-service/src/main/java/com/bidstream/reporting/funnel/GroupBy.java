package com.bidstream.reporting.funnel;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What the funnel's rows are grouped by, named as the {@code groupBy} parameter. A
 * listing without a value for it falls in the group {@code unknown}; with
 * {@code freelancer}, a listing no freelancer was ever named on falls in
 * {@code unassigned}.
 */
public enum GroupBy {

	SEGMENT("segment", (listing, pursuit) -> listing.segment()),

	BUDGET_BAND("budgetBand", (listing, pursuit) -> listing.budgetBand()),

	SOURCE("source", (listing, pursuit) -> listing.source()),

	FREELANCER("freelancer",
			(listing, pursuit) -> (pursuit.freelancerId() != null) ? pursuit.freelancerId() : "unassigned"),

	CATEGORY("category", (listing, pursuit) -> listing.category()),

	AI_WORK("aiWork", (listing, pursuit) -> String.valueOf(listing.aiWork())),

	AI_EXPOSURE("aiExposure", (listing, pursuit) -> listing.aiExposure());

	static final String UNKNOWN = "unknown";

	private final String parameter;

	private final BiFunction<ScoredListing, Pursuit, String> group;

	GroupBy(String parameter, BiFunction<ScoredListing, Pursuit, String> group) {
		this.parameter = parameter;
		this.group = group;
	}

	public String parameter() {
		return this.parameter;
	}

	public static Optional<GroupBy> fromParameter(String value) {
		return Arrays.stream(values()).filter((groupBy) -> groupBy.parameter.equals(value)).findFirst();
	}

	public String groupOf(ScoredListing listing, Pursuit pursuit) {
		String name = this.group.apply(listing, pursuit);
		return (name != null && !name.isBlank()) ? name : UNKNOWN;
	}

}
