package com.bidstream.localstack.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.bidstream.contracts.EventCodec;
import com.bidstream.localstack.Console;

/**
 * The physical limit: a plain idempotent producer ({@code acks=all}, lz4,
 * {@code linger.ms=5}, 64 KiB batches: the settings of the raw figure in STACK.md)
 * sending the same ~1 KB listing JSON, keyed {@code agency|jobKey}, to a scratch topic of
 * 3 partitions on the stack's broker. A first pass warms the producer and the broker up
 * and is not timed.
 */
final class RawProducerStep {

	private static final int DISTINCT_PAYLOADS = 1000;

	private final String bootstrapServers;

	private final Console console;

	RawProducerStep(String bootstrapServers, Console console) {
		this.bootstrapServers = bootstrapServers;
		this.console = console;
	}

	BenchResult.Throughput run(int records) throws InterruptedException {
		String topic = "bench.raw." + UUID.randomUUID().toString().substring(0, 8);
		createTopic(topic);
		ListingBatches listings = new ListingBatches("bench-raw", 7);
		List<byte[]> keys = new ArrayList<>();
		List<byte[]> values = new ArrayList<>();
		long bytes = 0;
		for (int i = 0; i < DISTINCT_PAYLOADS; i++) {
			keys.add(EventCodec.toBytes("demo|" + listings.jobKey(i)));
			values.add(EventCodec.toBytes(listings.listing(i)));
			bytes += values.get(i).length;
		}
		this.console.step("bench",
				"raw Kafka: %,d records of ~%d bytes to %s".formatted(records, bytes / DISTINCT_PAYLOADS, topic));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings())) {
			send(producer, topic, keys, values, Math.max(records / 5, 10_000));
			long started = System.nanoTime();
			send(producer, topic, keys, values, records);
			double seconds = (System.nanoTime() - started) / 1e9;
			this.console.step("bench", "raw Kafka: %,.0f records/s".formatted(records / seconds));
			return new BenchResult.Throughput("raw Kafka producer (same ~1 KB JSON, 3 partitions)", records, seconds,
					records / seconds, 1.0);
		}
	}

	private void send(KafkaProducer<byte[], byte[]> producer, String topic, List<byte[]> keys, List<byte[]> values,
			int records) {
		AtomicLong failed = new AtomicLong();
		AtomicReference<Exception> firstFailure = new AtomicReference<>();
		for (int i = 0; i < records; i++) {
			int n = i % DISTINCT_PAYLOADS;
			producer.send(new ProducerRecord<>(topic, keys.get(n), values.get(n)), (metadata, ex) -> {
				if (ex != null) {
					failed.incrementAndGet();
					firstFailure.compareAndSet(null, ex);
				}
			});
		}
		// acknowledged by the broker, every one of them: only then is the clock stopped
		producer.flush();
		if (failed.get() > 0) {
			throw new IllegalStateException(failed.get() + " raw records failed: " + firstFailure.get());
		}
	}

	private Map<String, Object> settings() {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
				ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 65536,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
	}

	private void createTopic(String topic) throws InterruptedException {
		Properties props = new Properties();
		props.put("bootstrap.servers", this.bootstrapServers);
		try (Admin admin = Admin.create(props)) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot create " + topic + ": " + ex.getCause(), ex);
		}
	}

}
