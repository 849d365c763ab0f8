package com.bidstream.reporting.health;

import java.util.List;

import com.bidstream.contracts.Topics;

/**
 * The stages of the pipeline as reporting sees them, each with the consumer group that
 * does its work and the topics that group reads. Ingest only produces: it has no group,
 * so no lag and no dead letters on the broker. Scoring reads {@code pursuits.events} too,
 * for its outcome calibration (contract section 7): its lag and its dead letters there
 * are scoring's (a walkthrough found a dead letter of that consumer missing from the
 * report, since this list was written before the calibration was built).
 */
public enum PipelineStage {

	INGEST(null, List.of()),

	SCORING("scoring", List.of(Topics.LISTINGS_INGESTED, Topics.PURSUITS_EVENTS)),

	TRACKING("tracking", List.of(Topics.LISTINGS_SCORED)),

	REPORTING("reporting", Topics.ALL);

	private final String group;

	private final List<String> consumedTopics;

	PipelineStage(String group, List<String> consumedTopics) {
		this.group = group;
		this.consumedTopics = consumedTopics;
	}

	/** The name in the report and in metric tags. */
	String label() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The consumer group, null for ingest. */
	String group() {
		return this.group;
	}

	List<String> consumedTopics() {
		return this.consumedTopics;
	}

	/** The dead-letter topics of this stage's group. */
	List<String> deadLetterTopics() {
		return this.consumedTopics.stream().map((topic) -> Topics.deadLetter(topic, this.group)).toList();
	}

	/**
	 * Every dead-letter topic a consumer built here writes; the broker makes each at its
	 * first dead letter.
	 */
	public static List<String> allDeadLetterTopics() {
		return consumers().stream().flatMap((stage) -> stage.deadLetterTopics().stream()).toList();
	}

	static List<PipelineStage> consumers() {
		return List.of(SCORING, TRACKING, REPORTING);
	}

	static PipelineStage ofLabel(String label) {
		for (PipelineStage stage : values()) {
			if (stage.label().equals(label)) {
				return stage;
			}
		}
		throw new IllegalArgumentException("No stage " + label);
	}

}
