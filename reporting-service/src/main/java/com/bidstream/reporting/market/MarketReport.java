package com.bidstream.reporting.market;

import java.time.Instant;
import java.util.List;

/**
 * The market report's answer (contract section 6), rows sorted by group then period.
 */
record MarketReport(String groupBy, String interval, Instant from, Instant to, List<MarketRow> rows) {

}
