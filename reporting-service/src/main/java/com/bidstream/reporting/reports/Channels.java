package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.bidstream.reporting.funnel.FunnelRow;

/**
 * Channel concentration: the source that brought the most hires, its share of hires and
 * of revenue, flagged when it carries more than {@value #MOST} of either (one marketplace
 * changing its rules would then take most of the business with it).
 */
record Channels(String topSource, long hires, Double hireShare, Double revenueShare, boolean concentrated,
		String message) {

	static final double MOST = 0.5;

	static Channels of(List<FunnelRow> sources) {
		long hires = sources.stream().mapToLong(FunnelRow::hired).sum();
		BigDecimal revenue = sources.stream().map(FunnelRow::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (hires == 0) {
			return new Channels(null, 0, null, null, false, "No hires in this period: nothing to concentrate yet");
		}
		FunnelRow top = sources.stream()
			.max(Comparator.comparingLong(FunnelRow::hired).thenComparing(FunnelRow::revenue))
			.orElseThrow();
		double hireShare = round((double) top.hired() / hires);
		Double revenueShare = (revenue.signum() > 0)
				? round(top.revenue().divide(revenue, 6, RoundingMode.HALF_UP).doubleValue()) : null;
		boolean concentrated = hireShare > MOST || (revenueShare != null && revenueShare > MOST);
		String shares = String.format(Locale.ROOT, "%s brought %.0f%% of hires", top.group(), hireShare * 100)
				+ ((revenueShare != null) ? String.format(Locale.ROOT, " and %.0f%% of revenue", revenueShare * 100)
						: "");
		String message = concentrated ? "Concentrated: " + shares + "; a second channel would spread the risk"
				: "Spread: " + shares;
		return new Channels(top.group(), hires, hireShare, revenueShare, concentrated, message);
	}

	private static double round(double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

}
