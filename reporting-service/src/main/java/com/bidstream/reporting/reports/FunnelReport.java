package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.bidstream.reporting.funnel.FunnelRow;

/**
 * The funnel report's answer (contract section 6), with the connect price its
 * {@code costPerWin} used and how concentrated the business is across sources.
 */
record FunnelReport(String groupBy, Instant from, Instant to, BigDecimal connectPrice, List<FunnelRow> rows,
		Channels channels) {

}
