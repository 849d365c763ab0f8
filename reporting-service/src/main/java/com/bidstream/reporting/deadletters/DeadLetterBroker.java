package com.bidstream.reporting.deadletters;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The broker as the dead-letter endpoints use it, every call bounded by
 * {@link DeadLetterProperties#timeout()}: an admin client for topics and offsets,
 * short-lived consumers that assign and seek (no group, nothing committed), and a
 * producer of raw keys and values for redrives. All built from Spring Boot's
 * {@code spring.kafka.*} settings.
 */
class DeadLetterBroker implements DisposableBean {

	private final Admin admin;

	private final DefaultKafkaConsumerFactory<byte[], byte[]> consumers;

	private final DefaultKafkaProducerFactory<byte[], byte[]> producers;

	private final KafkaTemplate<byte[], byte[]> producer;

	private final Duration timeout;

	DeadLetterBroker(KafkaProperties kafka, Duration timeout) {
		this.timeout = timeout;
		int millis = Math.toIntExact(timeout.toMillis());
		Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties());
		admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.admin = Admin.create(admin);
		Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
		consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		consumer.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		consumer.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		this.consumers = new DefaultKafkaConsumerFactory<>(consumer, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
		Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis);
		producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3 * millis);
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.producers = new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(),
				new ByteArraySerializer());
		this.producer = new KafkaTemplate<>(this.producers);
	}

	Duration timeout() {
		return this.timeout;
	}

	/**
	 * The offsets every partition of the dead-letter topics that match holds now. Only
	 * topics named {@code error.*} are considered.
	 */
	Map<TopicPartition, OffsetRange> ranges(Predicate<String> topics) {
		Set<String> names = await(this.admin.listTopics().names()).stream()
			.filter(DeadLetterId::isErrorTopic)
			.filter(topics)
			.collect(Collectors.toSet());
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, TopicDescription> described = await(this.admin.describeTopics(names).allTopicNames());
		List<TopicPartition> partitions = described.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
			.toList();
		Map<TopicPartition, ListOffsetsResultInfo> beginnings = offsets(partitions, OffsetSpec.earliest());
		Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
		Map<TopicPartition, OffsetRange> ranges = new HashMap<>();
		for (TopicPartition partition : partitions) {
			ranges.put(partition, new OffsetRange(beginnings.get(partition).offset(), ends.get(partition).offset()));
		}
		return ranges;
	}

	private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
		return await(this.admin
			.listOffsets(partitions.stream().collect(Collectors.toMap((partition) -> partition, (partition) -> spec)))
			.all());
	}

	/**
	 * A consumer of raw bytes with no group: assign and seek, then close it.
	 */
	Consumer<byte[], byte[]> consumer() {
		return this.consumers.createConsumer(null, "reporting-dead-letters", null);
	}

	KafkaTemplate<byte[], byte[]> producer() {
		return this.producer;
	}

	/**
	 * Waits at most the timeout for a broker call, turning every failure into a
	 * {@link BrokerUnavailableException}.
	 */
	<T> T await(java.util.concurrent.Future<T> call) {
		try {
			return call.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerUnavailableException("Interrupted while waiting for the broker", ex);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw new BrokerUnavailableException("The broker did not answer within " + this.timeout.toMillis() + " ms",
					ex);
		}
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
		this.producers.destroy();
	}

}
