package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthJudgeTests {

	private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

	private static final Duration INTERVAL = Duration.ofSeconds(10);

	private final HealthProperties settings = new HealthProperties(INTERVAL, Duration.ofMinutes(5),
			Duration.ofSeconds(3), 5, Duration.ofMinutes(30), 20, 20, Duration.ofDays(8), false);

	private final HealthJudge judge = new HealthJudge(this.settings);

	/** One sample every 10 s over the whole 5-minute window, lag from the function. */
	private List<BrokerSample> window(java.util.function.IntFunction<BrokerSample> sample) {
		List<BrokerSample> samples = new ArrayList<>();
		for (int i = 0; i <= 30; i++) {
			samples.add(sample.apply(i));
		}
		return samples;
	}

	private static BrokerSample sample(int i, long scoringLag, long scoringProgress, long scoringDeadLetters) {
		return new BrokerSample(START.plus(INTERVAL.multipliedBy(i)), null,
				Map.of(PipelineStage.SCORING, scoringLag, PipelineStage.TRACKING, 0L, PipelineStage.REPORTING, 0L),
				Map.of(PipelineStage.SCORING, scoringProgress, PipelineStage.TRACKING, 7L, PipelineStage.REPORTING, 9L),
				Map.of(PipelineStage.SCORING, scoringDeadLetters), Map.of());
	}

	private Instant end() {
		return START.plus(INTERVAL.multipliedBy(30));
	}

	@Test
	void aPipelineThatKeepsUpIsOkEverywhere() {
		var verdicts = this.judge.judge(window((i) -> sample(i, (i % 2 == 0) ? 0 : 40, 100L * i, 3)), List.of(),
				Map.of(), end(), true);
		assertThat(verdicts.values()).extracting(Verdict::status).containsOnly(HealthStatus.OK);
	}

	@Test
	void lagThatGrowsAcrossTheWholeWindowWithoutShrinkingDegradesTheStage() {
		var verdicts = this.judge.judge(window((i) -> sample(i, 10 + 5L * i, 100L * i, 0)), List.of(), Map.of(), end(),
				true);
		assertThat(verdicts.get(PipelineStage.SCORING).status()).isEqualTo(HealthStatus.DEGRADED);
		assertThat(verdicts.get(PipelineStage.SCORING).reason())
			.isEqualTo("lag of group scoring grew from 10 to 160 over 5 min without shrinking");
		assertThat(verdicts.get(PipelineStage.TRACKING).status()).isEqualTo(HealthStatus.OK);
	}

	@Test
	void lagThatShrankOnceWithinTheWindowDoesNotDegrade() {
		var verdicts = this.judge.judge(window((i) -> sample(i, (i == 15) ? 5 : 10 + 5L * i, 100L * i, 0)), List.of(),
				Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.SCORING).status()).isEqualTo(HealthStatus.OK);
	}

	@Test
	void growingLagOverLessThanTheWindowIsNotJudgedYet() {
		var verdicts = this.judge.judge(window((i) -> sample(i, 10 + 5L * i, 100L * i, 0)).subList(20, 31), List.of(),
				Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.SCORING).status()).isEqualTo(HealthStatus.OK);
	}

	@Test
	void aStageWithoutProgressWhileLagStaysAboveZeroForTheWholeWindowIsDown() {
		var verdicts = this.judge.judge(window((i) -> sample(i, 25, 500, 0)), List.of(), Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.SCORING))
			.isEqualTo(new Verdict(HealthStatus.DOWN, "no progress for 5 min while 25 events wait for group scoring"));
	}

	@Test
	void risingDeadLettersDegradeTheStage() {
		var verdicts = this.judge.judge(window((i) -> sample(i, 0, 100L * i, (i < 20) ? 3 : 5)), List.of(), Map.of(),
				end(), true);
		assertThat(verdicts.get(PipelineStage.SCORING))
			.isEqualTo(new Verdict(HealthStatus.DEGRADED, "2 new dead letters of group scoring in the last 5 min"));
		assertThat(this.judge
			.judge(window((i) -> sample(i, 0, 100L * i, (i < 20) ? 3 : 5)), List.of(), Map.of(), end(), false)
			.get(PipelineStage.SCORING)
			.reason()).as("a member is told the count is every agency's")
			.isEqualTo("2 new dead letters of group scoring in the last 5 min (the broker's count, of every agency; "
					+ "your own are under rejects)");
		assertThat(this.judge
			.judge(window((i) -> sample(i, 0, 100L * i, (i < 20) ? 3 : 4)), List.of(), Map.of(), end(), true)
			.get(PipelineStage.SCORING)
			.reason()).isEqualTo("1 new dead letter of group scoring in the last 5 min");
	}

	@Test
	void anUnreachableBrokerMakesEveryStageDown() {
		List<BrokerSample> samples = new ArrayList<>(window((i) -> sample(i, 0, 100L * i, 0)));
		samples.add(BrokerSample.unreachable(end().plusSeconds(10), "Timed out waiting for a node assignment"));
		var verdicts = this.judge.judge(samples, List.of(), Map.of(), end().plusSeconds(10), true);
		assertThat(verdicts).hasSize(4);
		assertThat(verdicts.values()).containsOnly(
				new Verdict(HealthStatus.DOWN, "the broker did not answer: Timed out waiting for a node assignment"));
	}

	@Test
	void aSourceThatUsuallySendsAndWentQuietDegradesIngest() {
		// 7 * 24 * 6 = 1008 listings a week: one every 10 minutes; quiet after 50
		SourceFigures quiet = new SourceFigures("acme", "upwork", end().minus(Duration.ofMinutes(51)), 140, 1008);
		SourceFigures sending = new SourceFigures("acme", "rss", end().minus(Duration.ofMinutes(49)), 140, 1008);
		SourceFigures rare = new SourceFigures("acme", "email", end().minus(Duration.ofDays(2)), 0, 3);
		var verdicts = this.judge.judge(window((i) -> sample(i, 0, 100L * i, 0)), List.of(quiet, sending, rare),
				Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.INGEST)).isEqualTo(new Verdict(HealthStatus.DEGRADED,
				"source upwork of agency acme has sent no listing for 51 min (usually one every 10 min)"));
		var memberView = this.judge.judge(window((i) -> sample(i, 0, 100L * i, 0)), List.of(quiet), Map.of(), end(),
				false);
		assertThat(memberView.get(PipelineStage.INGEST).reason()).doesNotContain("acme");
	}

	@Test
	void aQuietSourceIsNeverFlaggedBeforeTheFloor() {
		// one a minute: five minutes quiet is 5 intervals, but under the 30-minute floor
		SourceFigures busy = new SourceFigures("acme", "upwork", end().minus(Duration.ofMinutes(29)), 1440, 10080);
		var verdicts = this.judge.judge(window((i) -> sample(i, 0, 100L * i, 0)), List.of(busy), Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.INGEST).status()).isEqualTo(HealthStatus.OK);
	}

	@Test
	void aStageWhoseServiceFailedItsHealthChecksIsDownWhateverItsFigures() {
		var verdicts = this.judge.judge(window((i) -> sample(i, 0, 100L * i, 0)), List.of(),
				Map.of(PipelineStage.SCORING, "cannot be reached at localhost:8082", PipelineStage.INGEST,
						"says it is DOWN (its health check answered 503)"),
				end(), true);
		assertThat(verdicts.get(PipelineStage.SCORING))
			.isEqualTo(new Verdict(HealthStatus.DOWN, "the scoring service cannot be reached at localhost:8082"));
		assertThat(verdicts.get(PipelineStage.INGEST)).isEqualTo(
				new Verdict(HealthStatus.DOWN, "the ingest service says it is DOWN (its health check answered 503)"));
		assertThat(verdicts.get(PipelineStage.TRACKING).status()).isEqualTo(HealthStatus.OK);
	}

	@Test
	void beforeTheFirstSampleEveryStageIsOkAndSaysSo() {
		var verdicts = this.judge.judge(List.of(), List.of(), Map.of(), end(), true);
		assertThat(verdicts.get(PipelineStage.REPORTING)).isEqualTo(Verdict.ok("no broker sample yet"));
	}

}
