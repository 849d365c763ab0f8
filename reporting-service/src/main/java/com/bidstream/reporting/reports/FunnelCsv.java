package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.util.List;

import com.bidstream.reporting.csv.Csv;
import com.bidstream.reporting.funnel.FunnelRow;

/**
 * The funnel rows as CSV ({@link Csv}): each interval and the diagnosis as two columns.
 */
final class FunnelCsv {

	static final String HEADER = "group,scored,queued,proposed,viewed,replied,interviewed,hired,lost,withdrawn,"
			+ "connectsSpent,revenue,viewRate,viewRateLow,viewRateHigh,replyRate,replyRateLow,replyRateHigh,"
			+ "interviewRate,interviewRateLow,interviewRateHigh,winRate,winRateLow,winRateHigh,connectsPerHire,"
			+ "costPerWin,medianHoursToReply,enoughData,diagnosisStage,diagnosisMessage";

	private FunnelCsv() {
	}

	static String render(List<FunnelRow> rows) {
		return Csv.render(HEADER, rows.stream().map(FunnelCsv::line).toList());
	}

	private static String line(FunnelRow row) {
		return Csv.line(Csv.text(row.group()), row.scored(), row.queued(), row.proposed(), row.viewed(), row.replied(),
				row.interviewed(), row.hired(), row.lost(), row.withdrawn(), row.connectsSpent(), plain(row.revenue()),
				row.viewRate(), low(row.viewRateInterval()), high(row.viewRateInterval()), row.replyRate(),
				low(row.replyRateInterval()), high(row.replyRateInterval()), row.interviewRate(),
				low(row.interviewRateInterval()), high(row.interviewRateInterval()), row.winRate(),
				low(row.winRateInterval()), high(row.winRateInterval()), row.connectsPerHire(), row.costPerWin(),
				row.medianHoursToReply(), row.enoughData(), row.diagnosis().stage().name(),
				Csv.text(row.diagnosis().message()));
	}

	private static Double low(List<Double> interval) {
		return (interval != null) ? interval.get(0) : null;
	}

	private static Double high(List<Double> interval) {
		return (interval != null) ? interval.get(1) : null;
	}

	private static String plain(BigDecimal value) {
		return (value != null) ? value.stripTrailingZeros().toPlainString() : null;
	}

}
