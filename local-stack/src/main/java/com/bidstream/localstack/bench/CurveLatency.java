package com.bidstream.localstack.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Latency from two cumulative curves: when listings were acknowledged (each 202 with its
 * count) and how many the funnel counted at each poll. The n-th listing acknowledged is
 * taken as the n-th counted, so its latency is the first poll that saw n counted minus
 * its 202. That is exact for a first-in, first-out pipeline and otherwise the horizontal
 * distance between the two curves; a poll's interval is its resolution (it can only
 * overstate).
 */
final class CurveLatency {

	/** A 202 at {@code atMillis} that acknowledged {@code count} listings. */
	record Ack(long atMillis, int count) {
	}

	/** A funnel poll at {@code atMillis} that counted {@code total} listings so far. */
	record Poll(long atMillis, long total) {
	}

	private CurveLatency() {
	}

	/**
	 * One latency in milliseconds per listing that some poll counted; listings no poll
	 * counted yet are left out.
	 */
	static double[] latencies(List<Ack> acks, List<Poll> polls) {
		List<Ack> byTime = new ArrayList<>(acks);
		byTime.sort(Comparator.comparingLong(Ack::atMillis));
		List<Poll> pollsByTime = new ArrayList<>(polls);
		pollsByTime.sort(Comparator.comparingLong(Poll::atMillis));
		List<Double> latencies = new ArrayList<>();
		long listing = 0;
		int poll = 0;
		for (Ack ack : byTime) {
			for (int i = 0; i < ack.count(); i++) {
				listing++;
				while (poll < pollsByTime.size() && pollsByTime.get(poll).total() < listing) {
					poll++;
				}
				if (poll == pollsByTime.size()) {
					return toArray(latencies);
				}
				// a listing cannot be counted before its 202 was seen by this client
				long countedAt = Math.max(pollsByTime.get(poll).atMillis(), ack.atMillis());
				latencies.add((double) (countedAt - ack.atMillis()));
			}
		}
		return toArray(latencies);
	}

	private static double[] toArray(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

}
