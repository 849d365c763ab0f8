package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.bidstream.contracts.PursuitAdvanced.Outcome;

/**
 * Adds up the pursuits of one group's listings, each listing once.
 */
final class GroupTally {

	private final String group;

	private final long[] reached = new long[Milestone.values().length];

	private long scored;

	private long lost;

	private long withdrawn;

	private long connectsSpent;

	private BigDecimal revenue = BigDecimal.ZERO;

	private final List<Double> hoursToReply = new ArrayList<>();

	GroupTally(String group) {
		this.group = group;
	}

	void add(Pursuit pursuit) {
		this.scored++;
		for (Milestone milestone : Milestone.values()) {
			if (pursuit.reached().atLeast(milestone)) {
				this.reached[milestone.ordinal()]++;
			}
		}
		this.lost += (pursuit.outcome() == Outcome.LOST) ? 1 : 0;
		this.withdrawn += (pursuit.outcome() == Outcome.WITHDRAWN) ? 1 : 0;
		this.connectsSpent += pursuit.connectsSpent();
		this.revenue = this.revenue.add(pursuit.revenue());
		if (pursuit.hoursToReply() != null) {
			this.hoursToReply.add(pursuit.hoursToReply());
		}
	}

	FunnelRow toRow() {
		long queued = count(Milestone.QUEUED);
		long proposed = count(Milestone.PROPOSED);
		long replied = count(Milestone.REPLIED);
		long interviewed = count(Milestone.INTERVIEWED);
		long hired = count(Milestone.HIRED);
		return new FunnelRow(this.group, this.scored, queued, proposed, count(Milestone.VIEWED), replied, interviewed,
				hired, this.lost, this.withdrawn, this.connectsSpent, this.revenue,
				rate(count(Milestone.VIEWED), proposed), rate(replied, proposed), rate(interviewed, proposed),
				rate(hired, proposed), rate(this.connectsSpent, hired), Medians.hours(this.hoursToReply),
				Diagnostician.diagnose(this.scored, queued, proposed, replied, interviewed, hired));
	}

	private long count(Milestone milestone) {
		return this.reached[milestone.ordinal()];
	}

	private static Double rate(long part, long whole) {
		return (whole > 0) ? (double) part / whole : null;
	}

}
