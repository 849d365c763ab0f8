package com.bidstream.reporting.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;

import com.bidstream.reporting.health.PipelineStage;

/**
 * Where a dead letter is: {@code <error topic>:<partition>:<offset>}, for example
 * {@code error.listings.ingested.scoring:0:17}. Topic names cannot hold a colon, so the
 * id reads back unambiguously.
 */
record DeadLetterId(String topic, int partition, long offset) {

	/**
	 * The names of the dead-letter topics: {@code error.} and a legal Kafka topic name.
	 */
	private static final Pattern ERROR_TOPIC = Pattern.compile("error\\.[a-zA-Z0-9._-]{1,243}");

	private static final Pattern ID = Pattern.compile("(" + ERROR_TOPIC.pattern() + "):(\\d{1,9}):(\\d{1,18})");

	static boolean isErrorTopic(String topic) {
		return topic != null && ERROR_TOPIC.matcher(topic).matches();
	}

	/**
	 * Why a listing or a whole-topic redrive of {@code topic} is refused, or null when
	 * the topic is one: the broker holds it, or a consumer writes it (the broker makes it
	 * at the first dead letter, so "none yet" is an answer, not an error). A misspelt
	 * topic otherwise read as an empty list, or as "0 redriven", as if all were well.
	 */
	static String unknownTopic(String topic, boolean held) {
		if (held || PipelineStage.allDeadLetterTopics().contains(topic)) {
			return null;
		}
		return "names no dead-letter topic: the broker holds none by that name, and " + THE_CONSUMERS_WRITE;
	}

	/** The topics there are, said in each refusal. */
	private static final String THE_CONSUMERS_WRITE = "the consumers write "
			+ String.join(", ", PipelineStage.allDeadLetterTopics());

	/** Why a topic not named {@code error.*} is refused, with the topics there are. */
	static final String NOT_AN_ERROR_TOPIC = "must name a dead-letter topic, error.<topic>.<group>: "
			+ THE_CONSUMERS_WRITE;

	static Optional<DeadLetterId> parse(String id) {
		Matcher matcher = ID.matcher((id != null) ? id : "");
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional.of(new DeadLetterId(matcher.group(1), Integer.parseInt(matcher.group(2)),
				Long.parseLong(matcher.group(3))));
	}

	TopicPartition topicPartition() {
		return new TopicPartition(this.topic, this.partition);
	}

	@Override
	public String toString() {
		return this.topic + ":" + this.partition + ":" + this.offset;
	}

}
