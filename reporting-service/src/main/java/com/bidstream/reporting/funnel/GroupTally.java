package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

import com.bidstream.contracts.PursuitAdvanced.Outcome;

/**
 * Adds up one group's funnel: a listing at a time (the from-scratch count) or as sums
 * already kept per day (the incremental store); both end in the same row.
 */
public final class GroupTally {

	/** The milestones a listing counts in, from {@code queued} to {@code hired}. */
	public static final Milestone[] COUNTED = { Milestone.QUEUED, Milestone.CLAIMED, Milestone.PROPOSED,
			Milestone.VIEWED, Milestone.REPLIED, Milestone.INTERVIEWED, Milestone.HIRED };

	private final String group;

	private final long[] reached = new long[Milestone.values().length];

	private long scored;

	private long lost;

	private long withdrawn;

	private long connectsSpent;

	private BigDecimal revenue = BigDecimal.ZERO;

	private final TreeMap<Integer, Long> replyMinutes = new TreeMap<>();

	private final TreeMap<String, Long> lossReasons = new TreeMap<>();

	public GroupTally(String group) {
		this.group = group;
	}

	void add(Pursuit pursuit) {
		long[] milestones = new long[COUNTED.length];
		for (int i = 0; i < COUNTED.length; i++) {
			milestones[i] = pursuit.reached().atLeast(COUNTED[i]) ? 1 : 0;
		}
		addCounts(1, milestones, (pursuit.outcome() == Outcome.LOST) ? 1 : 0,
				(pursuit.outcome() == Outcome.WITHDRAWN) ? 1 : 0, pursuit.connectsSpent(), pursuit.revenue());
		if (pursuit.replyMinutes() != null) {
			addReplyMinutes(pursuit.replyMinutes(), 1);
		}
		if (pursuit.lossReason() != null) {
			addLossReason(pursuit.lossReason(), 1);
		}
	}

	/**
	 * @param milestones listings that reached each of {@link #COUNTED}, in that order
	 */
	public void addCounts(long scored, long[] milestones, long lost, long withdrawn, long connectsSpent,
			BigDecimal revenue) {
		this.scored += scored;
		for (int i = 0; i < COUNTED.length; i++) {
			this.reached[COUNTED[i].ordinal()] += milestones[i];
		}
		this.lost += lost;
		this.withdrawn += withdrawn;
		this.connectsSpent += connectsSpent;
		this.revenue = this.revenue.add(revenue);
	}

	public void addReplyMinutes(int minutes, long listings) {
		this.replyMinutes.merge(minutes, listings, Long::sum);
	}

	public void addLossReason(String reason, long listings) {
		this.lossReasons.merge(reason, listings, Long::sum);
	}

	public long scored() {
		return this.scored;
	}

	/**
	 * @param connectPrice what one connect costs, for {@code costPerWin}
	 */
	public FunnelRow toRow(BigDecimal connectPrice) {
		long queued = count(Milestone.QUEUED);
		long proposed = count(Milestone.PROPOSED);
		long viewed = count(Milestone.VIEWED);
		long replied = count(Milestone.REPLIED);
		long interviewed = count(Milestone.INTERVIEWED);
		long hired = count(Milestone.HIRED);
		Double connectsPerHire = rate(this.connectsSpent, hired);
		Double costPerWin = (connectsPerHire != null) ? BigDecimal.valueOf(this.connectsSpent)
			.multiply(connectPrice)
			.divide(BigDecimal.valueOf(hired), 2, RoundingMode.HALF_UP)
			.doubleValue() : null;
		Map<String, Long> reasons = new TreeMap<>();
		this.lossReasons.forEach((reason, n) -> {
			if (n != 0) {
				reasons.put(reason, n);
			}
		});
		return new FunnelRow(this.group, this.scored, queued, proposed, viewed, replied, interviewed, hired, this.lost,
				this.withdrawn, this.connectsSpent, this.revenue, rate(viewed, proposed),
				Wilson.interval(viewed, proposed), rate(replied, proposed), Wilson.interval(replied, proposed),
				rate(interviewed, proposed), Wilson.interval(interviewed, proposed), rate(hired, proposed),
				Wilson.interval(hired, proposed), connectsPerHire, costPerWin, medianHours(), reasons,
				proposed >= Diagnostician.MIN_PROPOSALS,
				Diagnostician.diagnose(this.scored, queued, proposed, replied, interviewed, hired));
	}

	private long count(Milestone milestone) {
		return this.reached[milestone.ordinal()];
	}

	/**
	 * The median of the reply times, the mean of the two middle ones for an even count,
	 * in hours rounded to hundredths.
	 */
	private Double medianHours() {
		long total = this.replyMinutes.values().stream().mapToLong(Long::longValue).sum();
		if (total <= 0) {
			return null;
		}
		Integer lower = nth((total - 1) / 2);
		Integer upper = nth(total / 2);
		double median = (ReplyTime.hours(lower) + ReplyTime.hours(upper)) / 2;
		return Math.round(median * 100) / 100.0;
	}

	private Integer nth(long index) {
		long seen = 0;
		for (Map.Entry<Integer, Long> bin : this.replyMinutes.entrySet()) {
			seen += bin.getValue();
			if (index < seen) {
				return bin.getKey();
			}
		}
		throw new IllegalStateException("index " + index + " beyond " + seen);
	}

	private static Double rate(long part, long whole) {
		return (whole > 0) ? (double) part / whole : null;
	}

}
