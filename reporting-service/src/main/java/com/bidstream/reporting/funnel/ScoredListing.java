package com.bidstream.reporting.funnel;

/**
 * A listing of the cohort as its latest score describes it, with how it closed (null
 * while open).
 */
public record ScoredListing(String agencyId, String jobKey, String segment, String budgetBand, String source,
		String category, boolean aiWork, String aiExposure, String closedResult) {

	/**
	 * The listing closed without anyone being hired ({@code NO_HIRE}, {@code CANCELLED},
	 * {@code EXPIRED}).
	 */
	public boolean closedWithoutHire() {
		return "NO_HIRE".equals(this.closedResult) || "CANCELLED".equals(this.closedResult)
				|| "EXPIRED".equals(this.closedResult);
	}

	public ListingKey key() {
		return new ListingKey(this.agencyId, this.jobKey);
	}

}
