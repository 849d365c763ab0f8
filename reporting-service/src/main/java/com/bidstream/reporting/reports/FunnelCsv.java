package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.bidstream.reporting.funnel.FunnelRow;

/**
 * The funnel rows as CSV: a header row of the JSON field names, each interval and the
 * diagnosis as two columns, empty cells for nulls. A text cell that a spreadsheet would
 * read as a formula is prefixed with an apostrophe.
 */
final class FunnelCsv {

	static final String HEADER = "group,scored,queued,proposed,viewed,replied,interviewed,hired,lost,withdrawn,"
			+ "connectsSpent,revenue,viewRate,viewRateLow,viewRateHigh,replyRate,replyRateLow,replyRateHigh,"
			+ "interviewRate,interviewRateLow,interviewRateHigh,winRate,winRateLow,winRateHigh,connectsPerHire,"
			+ "costPerWin,medianHoursToReply,enoughData,diagnosisStage,diagnosisMessage";

	private FunnelCsv() {
	}

	static String render(List<FunnelRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		rows.forEach((row) -> csv.append(line(row)).append("\r\n"));
		return csv.toString();
	}

	private static String line(FunnelRow row) {
		return Stream
			.of(text(row.group()), row.scored(), row.queued(), row.proposed(), row.viewed(), row.replied(),
					row.interviewed(), row.hired(), row.lost(), row.withdrawn(), row.connectsSpent(),
					plain(row.revenue()), row.viewRate(), low(row.viewRateInterval()), high(row.viewRateInterval()),
					row.replyRate(), low(row.replyRateInterval()), high(row.replyRateInterval()), row.interviewRate(),
					low(row.interviewRateInterval()), high(row.interviewRateInterval()), row.winRate(),
					low(row.winRateInterval()), high(row.winRateInterval()), row.connectsPerHire(), row.costPerWin(),
					row.medianHoursToReply(), row.enoughData(), row.diagnosis().stage().name(),
					text(row.diagnosis().message()))
			.map((cell) -> (cell != null) ? cell.toString() : "")
			.collect(Collectors.joining(","));
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

	static String text(String value) {
		if (value == null) {
			return null;
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
