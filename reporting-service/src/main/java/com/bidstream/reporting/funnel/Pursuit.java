package com.bidstream.reporting.funnel;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;

/**
 * What one listing's pursuit amounts to, from all its events in any arrival order: the
 * furthest stage reached, its outcome and the reason given for a loss, the freelancer
 * last named, connects, revenue and the time from proposal to reply (a {@link ReplyTime}
 * bin).
 */
public record Pursuit(Milestone reached, Outcome outcome, String lossReason, String freelancerId, long connectsSpent,
		BigDecimal revenue, Integer replyMinutes) {

	static final Pursuit NONE = new Pursuit(Milestone.NONE, null, null, null, 0, BigDecimal.ZERO, null);

	private static final Comparator<PursuitStep> IN_ORDER = Comparator.comparing(PursuitStep::occurredAt)
		.thenComparing(PursuitStep::eventId, Comparator.nullsFirst(Comparator.naturalOrder()));

	public static Pursuit of(List<PursuitStep> steps) {
		if (steps.isEmpty()) {
			return NONE;
		}
		List<PursuitStep> inOrder = steps.stream().sorted(IN_ORDER).toList();
		Milestone reached = Milestone.NONE;
		Outcome outcome = null;
		String lossReason = null;
		String freelancer = null;
		long connects = 0;
		BigDecimal revenue = BigDecimal.ZERO;
		for (PursuitStep step : inOrder) {
			reached = Milestone.later(reached,
					Milestone.later(Milestone.of(step.action()), Milestone.of(step.stage())));
			outcome = outcomeAfter(step, outcome);
			if (step.action() == Action.LOST) {
				lossReason = (step.reason() != null) ? step.reason() : "OTHER";
			}
			freelancer = (step.freelancerId() != null) ? step.freelancerId() : freelancer;
			connects += (step.connectsSpent() != null) ? step.connectsSpent() : 0;
			if (step.action() == Action.HIRED && step.contractValue() != null) {
				revenue = revenue.add(step.contractValue());
			}
		}
		return new Pursuit(reached, outcome, (outcome == Outcome.LOST) ? lossReason : null, freelancer, connects,
				revenue, replyMinutes(inOrder));
	}

	private static Outcome outcomeAfter(PursuitStep step, Outcome before) {
		if (step.action() == Action.LOST) {
			return Outcome.LOST;
		}
		if (step.action() == Action.WITHDRAWN) {
			return Outcome.WITHDRAWN;
		}
		return (step.outcome() != null) ? step.outcome() : before;
	}

	/**
	 * Minutes from the first proposal to the first reply after it, as a {@link ReplyTime}
	 * bin, or null without both.
	 */
	private static Integer replyMinutes(List<PursuitStep> inOrder) {
		Instant proposed = first(inOrder, Action.PROPOSAL_SENT, Instant.MIN);
		if (proposed == null) {
			return null;
		}
		Instant replied = first(inOrder, Action.REPLIED, proposed);
		return (replied != null) ? ReplyTime.bin(Duration.between(proposed, replied).toMinutes()) : null;
	}

	private static Instant first(List<PursuitStep> inOrder, Action action, Instant notBefore) {
		return inOrder.stream()
			.filter((step) -> step.action() == action && !step.occurredAt().isBefore(notBefore))
			.map(PursuitStep::occurredAt)
			.findFirst()
			.orElse(null);
	}

}
