package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.reporting.funnel.FunnelRow;
import com.bidstream.reporting.funnel.GroupBy;
import com.bidstream.reporting.funnel.GroupTally;

/**
 * Answers the funnel from the cells {@link FunnelStore} keeps as events arrive: a report
 * reads sums per day and group, never every listing and event of its cohort.
 */
@Service
class FunnelService {

	private final FunnelReader reader;

	private final BigDecimal connectPrice;

	FunnelService(FunnelReader reader, @Value("${bidstream.reporting.connect-price:0.15}") BigDecimal connectPrice) {
		this.reader = reader;
		this.connectPrice = connectPrice;
	}

	/**
	 * All reads see one snapshot, so the rows and the channel figures agree.
	 * @param agency the agency to report on, empty for every agency
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	FunnelReport funnel(Optional<String> agency, GroupBy groupBy, ReportPeriod period, boolean excludeNoHire) {
		List<FunnelRow> rows = rows(this.reader.tallies(agency, groupBy, period, excludeNoHire));
		List<FunnelRow> sources = (groupBy == GroupBy.SOURCE) ? rows
				: rows(this.reader.tallies(agency, GroupBy.SOURCE, period, excludeNoHire));
		return new FunnelReport(groupBy.parameter(), period.from(), period.to(), this.connectPrice, rows,
				Channels.of(sources));
	}

	private List<FunnelRow> rows(Map<String, GroupTally> tallies) {
		return tallies.values().stream().map((tally) -> tally.toRow(this.connectPrice)).toList();
	}

}
