package com.bidstream.reporting.deadletters;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads dead-letter topics with a short-lived consumer: offset ranges from start to end,
 * or single messages by id. A read that makes no progress for the broker timeout fails
 * with {@link BrokerUnavailableException}, so a broker that goes away mid-read does not
 * hang the request.
 */
class DeadLetterReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final DeadLetterBroker broker;

	DeadLetterReader(DeadLetterBroker broker) {
		this.broker = broker;
	}

	/**
	 * Hands every message in the ranges to {@code each}, partition by partition in offset
	 * order; the ranges' ends are fixed, so messages written meanwhile are not read.
	 */
	void read(Map<TopicPartition, OffsetRange> ranges, Consumer<ConsumerRecord<byte[], byte[]>> each) {
		Map<TopicPartition, OffsetRange> pending = ranges.entrySet()
			.stream()
			.filter((range) -> range.getValue().count() > 0)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		if (pending.isEmpty()) {
			return;
		}
		try (org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer = this.broker.consumer()) {
			consumer.assign(pending.keySet());
			pending.forEach((partition, range) -> consumer.seek(partition, range.beginning()));
			long lastProgress = System.nanoTime();
			while (!pending.isEmpty()) {
				ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
				for (TopicPartition partition : records.partitions()) {
					OffsetRange range = ranges.get(partition);
					for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
						if (range.contains(record.offset())) {
							each.accept(record);
						}
					}
				}
				Set<TopicPartition> done = new HashSet<>();
				for (TopicPartition partition : pending.keySet()) {
					if (consumer.position(partition, this.broker.timeout()) >= pending.get(partition).end()) {
						done.add(partition);
					}
				}
				consumer.pause(done);
				done.forEach(pending::remove);
				lastProgress = records.isEmpty() ? stillPatient(lastProgress) : System.nanoTime();
			}
		}
		catch (KafkaException ex) {
			throw new BrokerUnavailableException("The dead letters could not be read", ex);
		}
	}

	/**
	 * The messages with those ids that exist, by id; ids of other topics, partitions or
	 * offsets (deleted by retention, or never written) are left out.
	 */
	Map<DeadLetterId, ConsumerRecord<byte[], byte[]>> find(Collection<DeadLetterId> ids,
			Map<TopicPartition, OffsetRange> ranges) {
		Map<TopicPartition, TreeSet<Long>> wanted = new HashMap<>();
		for (DeadLetterId id : ids) {
			OffsetRange range = ranges.get(id.topicPartition());
			if (range != null && range.contains(id.offset())) {
				wanted.computeIfAbsent(id.topicPartition(), (partition) -> new TreeSet<>()).add(id.offset());
			}
		}
		Map<DeadLetterId, ConsumerRecord<byte[], byte[]>> found = new HashMap<>();
		if (wanted.isEmpty()) {
			return found;
		}
		try (org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer = this.broker.consumer()) {
			for (Map.Entry<TopicPartition, TreeSet<Long>> partition : wanted.entrySet()) {
				consumer.assign(List.of(partition.getKey()));
				TreeSet<Long> offsets = partition.getValue();
				while (!offsets.isEmpty()) {
					long next = offsets.first();
					consumer.seek(partition.getKey(), next);
					for (ConsumerRecord<byte[], byte[]> record : pollSome(consumer)) {
						if (offsets.remove(record.offset())) {
							found.put(new DeadLetterId(record.topic(), record.partition(), record.offset()), record);
						}
					}
					// the log skipped it (a gap): it does not exist
					offsets.remove(next);
				}
			}
		}
		catch (KafkaException ex) {
			throw new BrokerUnavailableException("The dead letters could not be read", ex);
		}
		return found;
	}

	private ConsumerRecords<byte[], byte[]> pollSome(
			org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer) {
		long since = System.nanoTime();
		while (true) {
			ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
			if (!records.isEmpty()) {
				return records;
			}
			since = stillPatient(since);
		}
	}

	/**
	 * Returns {@code since} while the broker timeout has not passed since then.
	 */
	private long stillPatient(long since) {
		if (System.nanoTime() - since > this.broker.timeout().toNanos()) {
			throw new BrokerUnavailableException(
					"No dead letters arrived from the broker within " + this.broker.timeout().toMillis() + " ms", null);
		}
		return since;
	}

}
