package com.bidstream.reporting.reports;

import java.time.Instant;
import java.util.List;

import com.bidstream.reporting.funnel.FunnelRow;

/**
 * The funnel report's answer (contract section 6).
 */
record FunnelReport(String groupBy, Instant from, Instant to, List<FunnelRow> rows) {

}
