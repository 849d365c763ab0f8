package com.bidstream.reporting.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.bidstream.platform.security.Caller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Queue's cut: the best {@value Queue#LISTINGS} open listings of scoring's ranking,
 * read a page at a time, against {@link QueueStub}'s scoring and tracking.
 */
class QueueTests {

	private final QueueStub stub = new QueueStub();

	private final Queue queue = new Queue(
			new Upstream(new UpstreamProperties(URI.create(this.stub.scoringUrl()), URI.create(this.stub.trackingUrl()),
					null, Duration.ofSeconds(2), Duration.ofSeconds(10)), new SimpleMeterRegistry()),
			JsonMapper.builder().build());

	private final DashboardSession.SignedIn demo = new DashboardSession.SignedIn(Caller.member("demo"), "dev-demo-key");

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void endedPursuitsAreSkippedAndTheNextOpenOnesFillTheHundred() {
		IntStream.range(0, 150).forEach((i) -> this.stub.listing("demo", job(i), 90, "PURSUE", "fl-ana"));
		IntStream.range(0, 40).forEach((i) -> this.stub.pursuit("demo", job(i), "PROPOSED", "LOST"));
		this.stub.pursuit("demo", job(40), "HIRED", null);

		JsonNode pursue = this.queue.read(this.demo, Optional.empty()).path("pursue");

		assertThat(pursue.valueStream().map((listing) -> listing.path("jobKey").asString()))
			.containsExactlyElementsOf(IntStream.range(41, 141).mapToObj(QueueTests::job).toList());
	}

	@Test
	void theRankingIsReadPageByPageUntilAHundredOpenListingsAreFound() {
		IntStream.range(0, 1_200).forEach((i) -> this.stub.listing("demo", job(i), 90, "PURSUE", "fl-ana"));
		IntStream.range(0, 1_000).forEach((i) -> this.stub.pursuit("demo", job(i), "PROPOSED", "LOST"));

		JsonNode pursue = this.queue.read(this.demo, Optional.empty()).path("pursue");

		assertThat(pursue.valueStream().map((listing) -> listing.path("jobKey").asString()))
			.containsExactlyElementsOf(IntStream.range(1_000, 1_100).mapToObj(QueueTests::job).toList());
		assertThat(scoringReads("PURSUE")).containsExactly("limit=200&offset=0", "limit=500&offset=200",
				"limit=500&offset=700");
		assertThat(this.stub.calls("tracking")).as("one lookup a page, PURSUE's three and REVIEW's none").hasSize(3);
	}

	@Test
	void theQueueLooksNoDeeperThanScoringPagesSoAllEndedWorkLeavesItEmpty() {
		IntStream.range(0, 11_000).forEach((i) -> {
			this.stub.listing("demo", job(i), 90, "PURSUE", "fl-ana");
			this.stub.pursuit("demo", job(i), "HIRED", null);
		});

		JsonNode answer = this.queue.read(this.demo, Optional.empty());

		assertThat(answer.path("pursue").size()).isZero();
		assertThat(answer.path("trackingProblem").isNull()).as("every page read").isTrue();
		assertThat(scoringReads("PURSUE")).hasSize(21).last().isEqualTo("limit=500&offset=9700");
	}

	private List<String> scoringReads(String decision) {
		return this.stub.calls("scoring")
			.stream()
			.map(QueueStub.Call::uri)
			.filter((uri) -> uri.contains("decision=" + decision))
			.map((uri) -> uri.substring(uri.indexOf("limit=")))
			.toList();
	}

	@Test
	void whenTrackingDoesNotAnswerTheListingsShowWithoutStagesAndTrackingIsAskedOnce() {
		IntStream.range(0, 3).forEach((i) -> this.stub.listing("demo", job(i), 90, "PURSUE", "fl-ana"));
		IntStream.range(3, 5).forEach((i) -> this.stub.listing("demo", job(i), 60, "REVIEW", "fl-ana"));
		this.stub.trackingDown = true;

		JsonNode answer = this.queue.read(this.demo, Optional.empty());

		assertThat(answer.path("pursue").size()).isEqualTo(3);
		assertThat(answer.path("review").size()).isEqualTo(2);
		assertThat(answer.path("pursue").get(0).path("pursuit").isNull()).isTrue();
		assertThat(answer.path("trackingProblem").asString()).isNotBlank();
		assertThat(this.stub.calls("tracking")).as("one failure is enough to know").hasSize(1);
	}

	@Test
	void anEmptyQueueAsksTrackingNothing() {
		JsonNode answer = this.queue.read(this.demo, Optional.empty());

		assertThat(answer.path("pursue").size()).isZero();
		assertThat(answer.path("review").size()).isZero();
		assertThat(answer.path("trackingProblem").isNull()).isTrue();
		assertThat(this.stub.calls("tracking")).isEmpty();
	}

	private static String job(int i) {
		return "upwork:~cut-" + i;
	}

}
