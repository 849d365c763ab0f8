package com.bidstream.reporting.market;

/**
 * One group's figures in one period, as counted: the cell a report's row is made of, and
 * what a kept period holds. Medians are null when no listing has the figure.
 */
record MarketCell(String group, long listings, Double medianValue, long valued, long under500, long aiWork,
		long automatable, long humanCritical, Double medianProposals, long pursue) {

	/**
	 * The report's row, its {@code listingsChange} against the group's previous period
	 * ({@code null} when that period had no listings).
	 */
	MarketRow row(String period, Long previousListings) {
		return new MarketRow(this.group, period, this.listings, this.medianValue, share(this.under500, this.listings),
				share(this.aiWork, this.listings), share(this.automatable, this.listings),
				share(this.humanCritical, this.listings), this.medianProposals, share(this.pursue, this.listings),
				(previousListings != null && previousListings > 0)
						? (this.listings - previousListings) / (double) previousListings : null);
	}

	private static double share(long count, long of) {
		return (double) count / of;
	}

}
