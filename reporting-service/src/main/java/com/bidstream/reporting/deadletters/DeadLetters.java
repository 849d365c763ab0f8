package com.bidstream.reporting.deadletters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.common.TopicPartition;

import com.bidstream.platform.web.ApiProblem;

/**
 * Lists the newest dead letters of every {@code error.*} topic on the broker, or of one.
 */
class DeadLetters {

	/**
	 * Newest first (by the time the message was dead-lettered), then by topic, partition
	 * and offset, newest offset first.
	 */
	static final Comparator<Entry> NEWEST_FIRST = Comparator
		.comparing((Entry entry) -> entry.letter().at(), Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
		.thenComparing((entry) -> entry.id().topic())
		.thenComparingInt((entry) -> entry.id().partition())
		.thenComparing((entry) -> entry.id().offset(), Comparator.reverseOrder());

	private final DeadLetterBroker broker;

	private final DeadLetterReader reader;

	private final DeadLetterGauges gauges;

	private final RedriveLog redrives;

	DeadLetters(DeadLetterBroker broker, DeadLetterReader reader, DeadLetterGauges gauges, RedriveLog redrives) {
		this.broker = broker;
		this.reader = reader;
		this.gauges = gauges;
		this.redrives = redrives;
	}

	/**
	 * The {@code limit} newest: the last {@code limit} messages of each partition are
	 * read, which hold the newest overall (a partition's messages are appended in time
	 * order).
	 */
	List<DeadLetter> newest(Optional<String> topic, int limit) {
		Predicate<String> wanted = (name) -> topic.map(name::equals).orElse(true);
		Map<TopicPartition, OffsetRange> ranges = this.broker.ranges(wanted);
		String unknown = topic.map((name) -> DeadLetterId.unknownTopic(name, !ranges.isEmpty())).orElse(null);
		if (unknown != null) {
			throw ApiProblem.invalidField("topic", unknown);
		}
		this.gauges.update(ranges, wanted);
		Map<TopicPartition, OffsetRange> tails = new HashMap<>();
		ranges.forEach((partition, range) -> tails.put(partition, range.last(limit)));
		List<Entry> all = new ArrayList<>();
		this.reader.read(tails,
				(record) -> all.add(new Entry(new DeadLetterId(record.topic(), record.partition(), record.offset()),
						DeadLetterRecords.describe(record))));
		List<DeadLetter> newest = all.stream().sorted(NEWEST_FIRST).limit(limit).map(Entry::letter).toList();
		Map<String, RedriveLog.Redriven> redriven = this.redrives.of(newest.stream().map(DeadLetter::id).toList());
		return newest.stream().map((letter) -> letter.redriven(redriven.get(letter.id()))).toList();
	}

	record Entry(DeadLetterId id, DeadLetter letter) {

	}

}
