package com.bidstream.localstack.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.bidstream.contracts.Topics;

/**
 * Counts what ingest published to {@code listings.ingested}, per source, from the moment
 * it starts: a plain consumer on its own thread (no group, from the end of every
 * partition) that reads only the record keys ({@code agency|source:externalId}), so that
 * it costs the machine little. It also notes when each source's last record arrived, so
 * that "all on the topic" is timed by the record, not by the next check.
 */
final class PublishedCounter implements AutoCloseable {

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	private final Map<String, Long> lastAt = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile RuntimeException failure;

	PublishedCounter(String bootstrapServers) {
		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.LISTINGS_INGESTED)
			.stream()
			.map((p) -> new TopicPartition(p.topic(), p.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.thread = new Thread(this::poll, "bench-published-counter");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Records of a source (the part of the jobKey before the colon) read so far.
	 */
	long count(String source) {
		requireRunning();
		AtomicLong count = this.counts.get(source);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * When ({@link System#nanoTime()}) the latest record of a source was read.
	 */
	long lastAt(String source) {
		return this.lastAt.getOrDefault(source, 0L);
	}

	private void poll() {
		try {
			while (this.running) {
				for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
					String source = source(record.key());
					if (source != null) {
						this.counts.computeIfAbsent(source, (s) -> new AtomicLong()).incrementAndGet();
						this.lastAt.put(source, System.nanoTime());
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (RuntimeException ex) {
			this.failure = ex;
		}
		finally {
			this.consumer.close();
		}
	}

	static String source(byte[] key) {
		if (key == null) {
			return null;
		}
		String text = new String(key, StandardCharsets.UTF_8);
		int bar = text.indexOf('|');
		int colon = text.indexOf(':', bar + 1);
		return (bar >= 0 && colon > bar) ? text.substring(bar + 1, colon) : null;
	}

	private void requireRunning() {
		if (this.failure != null) {
			throw new IllegalStateException("reading listings.ingested failed: " + this.failure, this.failure);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(5_000);
	}

}
