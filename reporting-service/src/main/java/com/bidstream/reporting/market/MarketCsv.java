package com.bidstream.reporting.market;

import java.util.List;

import com.bidstream.reporting.csv.Csv;

/**
 * The market report's rows as CSV ({@link Csv}), one line per group and period.
 */
final class MarketCsv {

	static final String HEADER = "group,period,listings,medianValue,under500Share,aiWorkShare,automatableShare,"
			+ "humanCriticalShare,medianProposals,pursueShare,listingsChange";

	private MarketCsv() {
	}

	static String render(List<MarketRow> rows) {
		return Csv.render(HEADER, rows.stream().map(MarketCsv::line).toList());
	}

	private static String line(MarketRow row) {
		return Csv.line(Csv.text(row.group()), row.period(), row.listings(), row.medianValue(), row.under500Share(),
				row.aiWorkShare(), row.automatableShare(), row.humanCriticalShare(), row.medianProposals(),
				row.pursueShare(), row.listingsChange());
	}

}
