package com.bidstream.localstack.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * How a pursuit moves on at each demo tick: forward with a chance that grows with the
 * client's segment, or lost with one that shrinks with it, so enterprise clients convert
 * better than new ones and the funnel report has something to say.
 */
final class FunnelOdds {

	private static final List<String> FREELANCERS = List.of("fl-01", "fl-02", "fl-03", "fl-04", "fl-05", "fl-06");

	private final Random random;

	FunnelOdds(Random random) {
		this.random = random;
	}

	/**
	 * The event to post for a pursuit at {@code stage}, if it moves this tick. A loss
	 * never says {@code JOB_CLOSED}: that is the demo's feed's to decide
	 * ({@link DemoOutcomes}), and a walkthrough found open jobs lost as closed.
	 */
	Optional<Map<String, Object>> next(String stage, Segment segment, String freelancerId) {
		double conversion = segment.conversion();
		return switch (stage) {
			case "NEW", "QUEUED" -> chance(stage.equals("NEW") ? 0.05 : 0.5) ? Optional.of(claim()) : Optional.empty();
			case "CLAIMED" -> chance(0.6) ? Optional.of(proposal(freelancerId)) : Optional.empty();
			case "PROPOSED" -> forwardOrLost(0.10 * conversion, 0.10 / conversion, event("VIEWED"),
					List.of("NO_RESPONSE", "NO_RESPONSE", "CLIENT_HIRED_OTHER"));
			case "VIEWED" -> forwardOrLost(0.06 * conversion, 0.10 / conversion, event("REPLIED"),
					List.of("CLIENT_HIRED_OTHER", "PRICE", "NO_RESPONSE"));
			case "REPLIED" -> forwardOrLost(0.08 * conversion, 0.08 / conversion, event("INTERVIEW"),
					List.of("PRICE", "SCOPE", "TRUST"));
			case "INTERVIEWING" -> forwardOrLost(0.06 * conversion, 0.10 / conversion, hired(segment),
					List.of("PRICE", "CLIENT_HIRED_OTHER", "TIMING"));
			default -> Optional.empty();
		};
	}

	private Optional<Map<String, Object>> forwardOrLost(double forward, double lost, Map<String, Object> event,
			List<String> reasons) {
		double roll = this.random.nextDouble();
		if (roll < Math.min(0.9, forward)) {
			return Optional.of(event);
		}
		if (roll < Math.min(0.9, forward) + lost) {
			Map<String, Object> loss = event("LOST");
			loss.put("reason", reasons.get(this.random.nextInt(reasons.size())));
			return Optional.of(loss);
		}
		return Optional.empty();
	}

	private Map<String, Object> claim() {
		Map<String, Object> event = event("CLAIM");
		event.put("freelancerId", FREELANCERS.get(this.random.nextInt(FREELANCERS.size())));
		return event;
	}

	private Map<String, Object> proposal(String freelancerId) {
		Map<String, Object> event = event("PROPOSAL_SENT");
		event.put("freelancerId",
				(freelancerId != null) ? freelancerId : FREELANCERS.get(this.random.nextInt(FREELANCERS.size())));
		event.put("connectsSpent", 8 + this.random.nextInt(17));
		event.put("bidAmount", 300 + this.random.nextInt(87) * 100);
		return event;
	}

	private Map<String, Object> hired(Segment segment) {
		Map<String, Object> event = event("HIRED");
		int base = switch (segment) {
			case NEW -> 100;
			case EMERGING -> 500;
			case ESTABLISHED -> 1500;
			case ENTERPRISE -> 4000;
		};
		event.put("contractValue", base + this.random.nextInt(base * 9 / 100 + 1) * 100);
		return event;
	}

	private static Map<String, Object> event(String type) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", type);
		return event;
	}

	private boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

}
