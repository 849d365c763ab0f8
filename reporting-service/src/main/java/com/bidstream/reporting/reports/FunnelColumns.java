package com.bidstream.reporting.reports;

import com.bidstream.reporting.funnel.GroupBy;

/**
 * The column of {@code funnel_listings} that holds a listing's group for each
 * {@link GroupBy}; SQL names only ever come from here, never from a request.
 */
final class FunnelColumns {

	private FunnelColumns() {
	}

	static String of(GroupBy groupBy) {
		return switch (groupBy) {
			case SEGMENT -> "g_segment";
			case BUDGET_BAND -> "g_budget_band";
			case SOURCE -> "g_source";
			case FREELANCER -> "g_freelancer";
			case CATEGORY -> "g_category";
			case AI_WORK -> "g_ai_work";
			case AI_EXPOSURE -> "g_ai_exposure";
		};
	}

}
