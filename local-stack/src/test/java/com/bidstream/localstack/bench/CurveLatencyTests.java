package com.bidstream.localstack.bench;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.bidstream.localstack.bench.CurveLatency.Ack;
import com.bidstream.localstack.bench.CurveLatency.Poll;

import static org.assertj.core.api.Assertions.assertThat;

class CurveLatencyTests {

	@Test
	void eachListingWaitsForTheFirstPollThatCountedIt() {
		List<Ack> acks = List.of(new Ack(1000, 2), new Ack(1100, 2));
		List<Poll> polls = List.of(new Poll(1050, 0), new Poll(1250, 1), new Poll(1450, 3), new Poll(1650, 4));

		double[] latencies = CurveLatency.latencies(acks, polls);

		// listing 1 counted at 1250, 2 at 1450 (both acked at 1000); 3 at 1450, 4 at 1650
		assertThat(latencies).containsExactly(250, 450, 350, 550);
	}

	@Test
	void acksAndPollsAreTakenInTimeOrderWhateverOrderTheyArrivedIn() {
		List<Ack> acks = List.of(new Ack(1100, 1), new Ack(1000, 1));
		List<Poll> polls = List.of(new Poll(1300, 2), new Poll(1200, 1));

		assertThat(CurveLatency.latencies(acks, polls)).containsExactly(200, 200);
	}

	@Test
	void listingsNoPollCountedYetAreLeftOut() {
		List<Ack> acks = List.of(new Ack(1000, 3));
		List<Poll> polls = List.of(new Poll(1200, 1));

		assertThat(CurveLatency.latencies(acks, polls)).containsExactly(200);
	}

	@Test
	void aCountSeenBeforeTheClientReadTheAckIsNoNegativeLatency() {
		List<Ack> acks = List.of(new Ack(1000, 1), new Ack(1300, 1));
		List<Poll> polls = List.of(new Poll(1200, 2));

		assertThat(CurveLatency.latencies(acks, polls)).containsExactly(200, 0);
	}

}
