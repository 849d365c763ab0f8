package com.bidstream.reporting.reports;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.reporting.funnel.FunnelAggregator;
import com.bidstream.reporting.funnel.GroupBy;

/**
 * Computes the funnel at read time from the stored rows, so an event counts as soon as
 * both it and its listing's score are stored, whatever order they arrived in.
 */
@Service
class FunnelService {

	private final CohortReader cohort;

	FunnelService(CohortReader cohort) {
		this.cohort = cohort;
	}

	/**
	 * Both queries read one snapshot, so listings and events agree.
	 * @param agency the agency to report on, empty for every agency
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	FunnelReport funnel(Optional<String> agency, GroupBy groupBy, ReportPeriod period, boolean excludeNoHire) {
		var rows = FunnelAggregator.aggregate(this.cohort.listings(agency, period), this.cohort.steps(agency, period),
				groupBy, excludeNoHire);
		return new FunnelReport(groupBy.parameter(), period.from(), period.to(), rows);
	}

}
