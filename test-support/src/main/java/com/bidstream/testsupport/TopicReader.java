package com.bidstream.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import static org.awaitility.Awaitility.await;

/**
 * Raw Kafka access for tests: read what a topic holds, or put any bytes on it (a hostile
 * or malformed message included), the way another producer would.
 */
public final class TopicReader {

	private final String bootstrapServers;

	public TopicReader(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	public void send(String topic, String key, byte[] value) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class, ProducerConfig.ACKS_CONFIG,
				"all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, value));
			producer.flush();
		}
	}

	public void send(String topic, String key, String value) {
		send(topic, key, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Waits until the topic holds a record that matches, and returns every matching
	 * record.
	 */
	public List<Message> awaitRecords(String topic, Predicate<Message> matching, Duration timeout) {
		List<Message> found = new ArrayList<>();
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			found.clear();
			found.addAll(readAll(topic).stream().filter(matching).toList());
			return !found.isEmpty();
		});
		return found;
	}

	/**
	 * Everything the topic holds now, from the beginning of every partition.
	 */
	public List<Message> readAll(String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
				ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		List<Message> messages = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			int emptyPolls = 0;
			while (emptyPolls < 2) {
				var records = consumer.poll(Duration.ofMillis(500));
				if (records.isEmpty() && !consumer.assignment().isEmpty()) {
					emptyPolls++;
				}
				for (ConsumerRecord<String, byte[]> record : records) {
					messages.add(Message.of(record));
				}
			}
		}
		return messages;
	}

	/**
	 * One record: key, value as text, and headers as text.
	 */
	public record Message(String key, String value, Map<String, String> headers) {

		static Message of(ConsumerRecord<String, byte[]> record) {
			Map<String, String> headers = new java.util.LinkedHashMap<>();
			for (Header header : record.headers()) {
				headers.put(header.key(),
						(header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
			}
			String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
			return new Message(record.key(), value, headers);
		}

	}

}
