package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.bidstream.reporting.funnel.FunnelRow;

/**
 * The funnel rows as CSV: a header row of the JSON field names, the diagnosis as two
 * columns, empty cells for nulls. A text cell that a spreadsheet would read as a formula
 * is prefixed with an apostrophe.
 */
final class FunnelCsv {

	static final String HEADER = "group,scored,queued,proposed,viewed,replied,interviewed,hired,lost,withdrawn,"
			+ "connectsSpent,revenue,viewRate,replyRate,interviewRate,winRate,connectsPerHire,medianHoursToReply,"
			+ "diagnosisStage,diagnosisMessage";

	private FunnelCsv() {
	}

	static String render(List<FunnelRow> rows) {
		StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
		rows.forEach((row) -> csv.append(line(row)).append("\r\n"));
		return csv.toString();
	}

	private static String line(FunnelRow row) {
		return Stream.of(text(row.group()), row.scored(), row.queued(), row.proposed(), row.viewed(), row.replied(),
				row.interviewed(), row.hired(), row.lost(), row.withdrawn(), row.connectsSpent(), plain(row.revenue()),
				row.viewRate(), row.replyRate(), row.interviewRate(), row.winRate(), row.connectsPerHire(),
				row.medianHoursToReply(), row.diagnosis().stage().name(), text(row.diagnosis().message()))
			.map((cell) -> (cell != null) ? cell.toString() : "")
			.collect(Collectors.joining(","));
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
