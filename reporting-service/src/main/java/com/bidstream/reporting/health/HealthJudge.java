package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The status rules, over the broker samples of the sliding window (oldest first) and the
 * sources in view:
 * <ul>
 * <li>DOWN: the latest sample found the broker unreachable (every stage); a stage's
 * service did not answer its health check twice in a row, or said it is DOWN
 * ({@link ServiceChecks}); a consumer stage made no progress while its lag stayed above 0
 * for the whole window;</li>
 * <li>DEGRADED: a consumer stage's lag grew across the whole window and never shrank; its
 * dead letters rose within the window; (ingest) a source that usually sends went quiet
 * for more than {@code quietFactor} of its usual intervals;</li>
 * <li>OK otherwise. "The whole window": the samples span it, less one interval.</li>
 * </ul>
 */
final class HealthJudge {

	private final HealthProperties settings;

	HealthJudge(HealthProperties settings) {
		this.settings = settings;
	}

	/**
	 * Each stage's verdict.
	 * @param samples the window's samples, oldest first
	 * @param sources the sources the caller may see
	 * @param servicesDown why, for each stage whose service failed its last two health
	 * checks
	 * @param namesAgencies whether a reason may name the agency of a source
	 */
	Map<PipelineStage, Verdict> judge(List<BrokerSample> samples, List<SourceFigures> sources,
			Map<PipelineStage, String> servicesDown, Instant now, boolean namesAgencies) {
		Map<PipelineStage, Verdict> verdicts = new EnumMap<>(PipelineStage.class);
		BrokerSample latest = samples.isEmpty() ? null : samples.get(samples.size() - 1);
		if (latest != null && !latest.reachable()) {
			Verdict down = new Verdict(HealthStatus.DOWN, "the broker did not answer: " + latest.failure());
			for (PipelineStage stage : PipelineStage.values()) {
				verdicts.put(stage, down);
			}
			return verdicts;
		}
		List<Verdict> ingest = new ArrayList<>(serviceDown(PipelineStage.INGEST, servicesDown));
		ingest.addAll(quietSources(sources, now, namesAgencies));
		verdicts.put(PipelineStage.INGEST, Verdict.of(ingest, "every source that usually sends is sending"));
		List<BrokerSample> reachable = samples.stream().filter(BrokerSample::reachable).toList();
		for (PipelineStage stage : PipelineStage.consumers()) {
			Verdict figures = (latest == null) ? Verdict.ok("no broker sample yet")
					: consumer(stage, reachable, namesAgencies);
			List<Verdict> down = serviceDown(stage, servicesDown);
			verdicts.put(stage, down.isEmpty() ? figures : Verdict.of(down, ""));
		}
		return verdicts;
	}

	/**
	 * A consumer stage's verdict. Lag and dead letters are the broker's, of every agency:
	 * a caller who sees one agency ({@code namesAgencies} false) is told so, since the
	 * dead letters that degrade its report may be another agency's.
	 */
	private Verdict consumer(PipelineStage stage, List<BrokerSample> samples, boolean namesAgencies) {
		List<Verdict> findings = new ArrayList<>();
		BrokerSample first = samples.get(0);
		BrokerSample last = samples.get(samples.size() - 1);
		boolean wholeWindow = Duration.between(first.at(), last.at())
			.compareTo(this.settings.window().minus(this.settings.sampleInterval())) >= 0;
		String window = Words.duration(this.settings.window());
		if (wholeWindow && samples.stream().allMatch((sample) -> sample.lagOf(stage) > 0)
				&& last.progressOf(stage) == first.progressOf(stage)) {
			findings.add(new Verdict(HealthStatus.DOWN, "no progress for " + window + " while " + last.lagOf(stage)
					+ " events wait for group " + stage.group()));
		}
		else if (wholeWindow && samples.size() >= 3 && neverShrank(stage, samples)
				&& last.lagOf(stage) > first.lagOf(stage)) {
			findings.add(new Verdict(HealthStatus.DEGRADED, "lag of group " + stage.group() + " grew from "
					+ first.lagOf(stage) + " to " + last.lagOf(stage) + " over " + window + " without shrinking"));
		}
		long newDeadLetters = last.deadLettersOf(stage) - first.deadLettersOf(stage);
		if (newDeadLetters > 0) {
			findings.add(new Verdict(HealthStatus.DEGRADED, newDeadLetters
					+ ((newDeadLetters == 1) ? " new dead letter of group " : " new dead letters of group ")
					+ stage.group() + " in the last " + Words.duration(Duration.between(first.at(), last.at()))
					+ (namesAgencies ? "" : " (the broker's count, of every agency; your own are under rejects)")));
		}
		return Verdict.of(findings, "keeping up (lag " + last.lagOf(stage) + ")");
	}

	private static List<Verdict> serviceDown(PipelineStage stage, Map<PipelineStage, String> servicesDown) {
		String why = servicesDown.get(stage);
		return (why == null) ? List.of()
				: List.of(new Verdict(HealthStatus.DOWN, "the " + stage.label() + " service " + why));
	}

	private static boolean neverShrank(PipelineStage stage, List<BrokerSample> samples) {
		for (int i = 1; i < samples.size(); i++) {
			if (samples.get(i).lagOf(stage) < samples.get(i - 1).lagOf(stage)) {
				return false;
			}
		}
		return true;
	}

	private List<Verdict> quietSources(List<SourceFigures> sources, Instant now, boolean namesAgencies) {
		List<Verdict> findings = new ArrayList<>();
		for (SourceFigures source : sources) {
			if (source.listings7d() < this.settings.quietMinListings()) {
				continue;
			}
			Duration usual = source.usualInterval();
			Duration limit = usual.multipliedBy(this.settings.quietFactor());
			if (limit.compareTo(this.settings.quietAtLeast()) < 0) {
				limit = this.settings.quietAtLeast();
			}
			Duration quiet = Duration.between(source.lastListingAt(), now);
			if (quiet.compareTo(limit) > 0) {
				findings.add(new Verdict(HealthStatus.DEGRADED,
						"source " + source.source() + (namesAgencies ? " of agency " + source.agencyId() : "")
								+ " has sent no listing for " + Words.duration(quiet) + " (usually one every "
								+ Words.duration(usual) + ")"));
			}
		}
		return findings;
	}

}
