package com.bidstream.reporting.funnel;

import java.math.BigDecimal;

/**
 * One group's funnel, as the report answers it (contract section 6). Rates are fractions
 * of {@code proposed}, null when nothing was proposed.
 */
public record FunnelRow(String group, long scored, long queued, long proposed, long viewed, long replied,
		long interviewed, long hired, long lost, long withdrawn, long connectsSpent, BigDecimal revenue,
		Double viewRate, Double replyRate, Double interviewRate, Double winRate, Double connectsPerHire,
		Double medianHoursToReply, Diagnosis diagnosis) {

}
