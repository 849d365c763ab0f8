package com.bidstream.reporting.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.TopicPartition;

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
