package com.bidstream.reporting.deadletters;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes dead letters back to their original topics ({@link Redrive}). Redriving does
 * not remove a message from its dead-letter topic (Kafka topics are append-only), and may
 * be repeated: the consumers' inbox applies each {@code eventId} once, so a redriven
 * event that was applied before, by any group, is skipped.
 */
class DeadLetterRedriver {

	/** Messages sent before waiting for their acknowledgements. */
	private static final int CHUNK = 500;

	private static final Logger log = LoggerFactory.getLogger(DeadLetterRedriver.class);

	private final DeadLetterBroker broker;

	private final DeadLetterReader reader;

	private final Counter redriven;

	private final RedriveLog redriveLog;

	DeadLetterRedriver(DeadLetterBroker broker, DeadLetterReader reader, RedriveLog redriveLog, MeterRegistry meters) {
		this.broker = broker;
		this.reader = reader;
		this.redriveLog = redriveLog;
		this.redriven = Counter.builder("bidstream.reporting.dead-letters.redriven")
			.description("Dead letters published back to their original topic")
			.register(meters);
	}

	/**
	 * Redrives the messages with these ids, all or none: when an id names no message, or
	 * a message whose original topic cannot be told, nothing is sent and the outcome
	 * names those ids. Each original message is published once, however often it is
	 * named: the dead letters of several groups for one message (each group that failed
	 * on it wrote one) are one message on the original topic, which every group reads
	 * again, so publishing it once per dead letter delivered it to each group as many
	 * times. Every dead letter named is recorded as redriven.
	 */
	Outcome redrive(List<DeadLetterId> ids) {
		Map<TopicPartition, OffsetRange> ranges = this.broker
			.ranges((topic) -> ids.stream().anyMatch((id) -> id.topic().equals(topic)));
		Map<DeadLetterId, ConsumerRecord<byte[], byte[]>> found = this.reader.find(new LinkedHashSet<>(ids), ranges);
		Map<Integer, String> refused = new LinkedHashMap<>();
		Map<String, ProducerRecord<byte[], byte[]>> records = new LinkedHashMap<>();
		Map<String, List<String>> named = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			ConsumerRecord<byte[], byte[]> deadLetter = found.get(ids.get(i));
			ProducerRecord<byte[], byte[]> record = (deadLetter != null) ? Redrive.of(deadLetter) : null;
			if (deadLetter == null) {
				refused.put(i, "names no dead letter the broker holds");
			}
			else if (record == null) {
				refused.put(i, "names a dead letter whose original topic cannot be told");
			}
			else {
				String original = original(deadLetter);
				records.putIfAbsent(original, record);
				List<String> deadLetters = named.computeIfAbsent(original, (key) -> new ArrayList<>());
				if (!deadLetters.contains(ids.get(i).toString())) {
					deadLetters.add(ids.get(i).toString());
				}
			}
		}
		if (!refused.isEmpty()) {
			return new Outcome(0, 0, refused);
		}
		Sender sender = new Sender();
		records.forEach((original, record) -> sender.send(named.get(original), record));
		sender.settle();
		return new Outcome(sender.acknowledged, 0, Map.of());
	}

	/**
	 * The message a dead letter was made of: its original topic, partition and offset,
	 * with its key and value (a digest), so that two different messages that claim one
	 * origin (a topic made anew, headers written by another producer) are never taken for
	 * one; or the dead letter itself when its headers do not tell the origin.
	 */
	private static String original(ConsumerRecord<byte[], byte[]> deadLetter) {
		Integer partition = DeadLetterRecords.originalPartition(deadLetter.headers());
		Long offset = DeadLetterRecords.originalOffset(deadLetter.headers());
		if (partition == null || offset == null) {
			return DeadLetterRecords.id(deadLetter);
		}
		return DeadLetterRecords.originalTopic(deadLetter) + ":" + partition + ":" + offset + ":"
				+ digest(deadLetter.key(), deadLetter.value());
	}

	private static String digest(byte[] key, byte[] value) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			byte[] empty = new byte[0];
			byte[] k = (key != null) ? key : empty;
			byte[] v = (value != null) ? value : empty;
			// lengths first, so that no key and value pair reads as another
			sha.update(ByteBuffer.allocate(16).putLong(k.length).putLong(v.length).array());
			sha.update(k);
			sha.update(v);
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * Redrives every message the topic holds now; those whose original topic cannot be
	 * told are skipped.
	 */
	Outcome redriveAll(String topic) {
		Map<TopicPartition, OffsetRange> ranges = this.broker.ranges(topic::equals);
		if (ranges.isEmpty()) {
			String unknown = DeadLetterId.unknownTopic(topic, false);
			return new Outcome(0, 0, (unknown != null) ? Map.of(-1, unknown) : Map.of());
		}
		Sender sender = new Sender();
		int[] skipped = { 0 };
		this.reader.read(ranges, (deadLetter) -> {
			ProducerRecord<byte[], byte[]> record = Redrive.of(deadLetter);
			if (record == null) {
				skipped[0]++;
			}
			else {
				sender.send(List.of(DeadLetterRecords.id(deadLetter)), record);
			}
		});
		sender.settle();
		return new Outcome(sender.acknowledged, skipped[0], Map.of());
	}

	/**
	 * How a redrive went: how many messages were published or skipped, and the ids
	 * refused (by position in the request, with why; -1 for the request's topic), in
	 * which case nothing was sent.
	 */
	record Outcome(int redriven, int skipped, Map<Integer, String> refused) {

	}

	/**
	 * Sends in chunks and waits for each chunk's acknowledgements, counting them.
	 */
	private final class Sender {

		private final List<CompletableFuture<?>> inFlight = new ArrayList<>();

		private final List<List<String>> inFlightIds = new ArrayList<>();

		private int acknowledged;

		/** Publishes a message, recording these dead letters as redriven once it is. */
		void send(List<String> ids, ProducerRecord<byte[], byte[]> record) {
			try {
				this.inFlight.add(DeadLetterRedriver.this.broker.producer().send(record));
			}
			catch (KafkaException ex) {
				this.inFlight.add(CompletableFuture.failedFuture(ex));
			}
			this.inFlightIds.add(ids);
			if (this.inFlight.size() >= CHUNK) {
				settle();
			}
		}

		void settle() {
			long patience = 4 * DeadLetterRedriver.this.broker.timeout().toMillis();
			List<String> acknowledgedIds = new ArrayList<>();
			Exception failure = null;
			// every send of the chunk is waited for, so that each one the broker took is
			// counted and recorded even when another failed
			for (int i = 0; i < this.inFlight.size(); i++) {
				try {
					if (failure instanceof InterruptedException) {
						break;
					}
					this.inFlight.get(i).get(patience, TimeUnit.MILLISECONDS);
					this.acknowledged++;
					acknowledgedIds.addAll(this.inFlightIds.get(i));
					DeadLetterRedriver.this.redriven.increment();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					failure = ex;
				}
				catch (ExecutionException | TimeoutException ex) {
					failure = (failure != null) ? failure : ex;
				}
			}
			try {
				DeadLetterRedriver.this.redriveLog.redriven(acknowledgedIds);
			}
			catch (RuntimeException ex) {
				// the messages went back to their topics all the same: only the record of
				// it is lost
				log.warn("Redrove {} messages but could not record it: {}", acknowledgedIds.size(), ex.toString());
			}
			this.inFlight.clear();
			this.inFlightIds.clear();
			if (failure != null) {
				throw unavailable(failure);
			}
		}

		private BrokerUnavailableException unavailable(Exception ex) {
			log.warn("Redrive stopped after {} messages: {}", this.acknowledged, ex.toString());
			return new BrokerUnavailableException(
					"The broker stopped acknowledging; " + this.acknowledged + " messages were redriven first", ex);
		}

	}

}
