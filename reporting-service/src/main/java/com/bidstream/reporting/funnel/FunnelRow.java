package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One group's funnel, as the report answers it (contract section 6). Rates are fractions
 * of {@code proposed}, null when nothing was proposed, each with its 95% Wilson interval.
 * {@code costPerWin} prices the connects spent per hire; {@code lossReasons} counts the
 * lost pursuits by the reason recorded; {@code enoughData} is false while too few
 * proposals were sent for the rates to mean much.
 */
public record FunnelRow(String group, long scored, long queued, long proposed, long viewed, long replied,
		long interviewed, long hired, long lost, long withdrawn, long connectsSpent, BigDecimal revenue,
		Double viewRate, List<Double> viewRateInterval, Double replyRate, List<Double> replyRateInterval,
		Double interviewRate, List<Double> interviewRateInterval, Double winRate, List<Double> winRateInterval,
		Double connectsPerHire, Double costPerWin, Double medianHoursToReply, Map<String, Long> lossReasons,
		boolean enoughData, Diagnosis diagnosis) {

}
