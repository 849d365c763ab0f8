package com.bidstream.platform;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.Topics;
import com.bidstream.platform.messaging.ConsumerErrorHandling;
import com.bidstream.platform.messaging.EventConsumer;
import com.bidstream.platform.messaging.Inbox;
import com.bidstream.platform.messaging.InboxPruner;
import com.bidstream.platform.messaging.MessagingProperties;
import com.bidstream.platform.messaging.Outbox;
import com.bidstream.platform.messaging.OutboxBacklog;
import com.bidstream.platform.messaging.OutboxRelay;
import com.bidstream.platform.messaging.OutboxRelayHealthIndicator;

/**
 * The outbox, its relay and the inbox, the topics of the contract, and the launcher
 * watchdog.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class,
		after = { JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class })
@EnableConfigurationProperties(MessagingProperties.class)
public class PlatformMessagingAutoConfiguration {

	/**
	 * The relay's producer: idempotent, {@code acks=all}, batched and compressed.
	 */
	@Bean
	ProducerFactory<String, byte[]> outboxProducerFactory(KafkaProperties kafka) {
		Map<String, Object> config = durableProducer(kafka, StringSerializer.class);
		config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
		config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
		config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		return new DefaultKafkaProducerFactory<>(config);
	}

	/**
	 * Every producer of the platform: idempotent, {@code acks=all}, bounded waits, byte
	 * values.
	 */
	private static Map<String, Object> durableProducer(KafkaProperties kafka, Class<?> keySerializer) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, keySerializer);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25000);
		config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
		return config;
	}

	@Bean
	KafkaTemplate<String, byte[]> outboxKafkaTemplate(ProducerFactory<String, byte[]> outboxProducerFactory) {
		return new KafkaTemplate<>(outboxProducerFactory);
	}

	@Bean
	KafkaAdmin.NewTopics contractTopics(MessagingProperties properties) {
		return new KafkaAdmin.NewTopics(Topics.ALL.stream()
			.map((name) -> TopicBuilder.name(name)
				.partitions(properties.partitions())
				.replicas(properties.replicas())
				.build())
			.toArray(NewTopic[]::new));
	}

	@Bean
	OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions,
			KafkaTemplate<String, byte[]> outboxKafkaTemplate, MessagingProperties properties, MeterRegistry meters,
			Clock clock) {
		return new OutboxRelay(jdbc, transactions, outboxKafkaTemplate, properties, meters, clock);
	}

	@Bean
	OutboxBacklog outboxBacklog(JdbcTemplate jdbc, MeterRegistry meters) {
		return new OutboxBacklog(jdbc, meters);
	}

	/**
	 * {@code outboxRelay} in {@code /actuator/health}.
	 */
	@Bean
	OutboxRelayHealthIndicator outboxRelayHealthIndicator(OutboxRelay relay, OutboxBacklog backlog,
			MessagingProperties properties, Clock clock) {
		return new OutboxRelayHealthIndicator(relay, backlog, properties.relayStallTimeout(), clock);
	}

	@Bean
	Outbox outbox(JdbcTemplate jdbc, OutboxRelay relay) {
		return new Outbox(jdbc, relay);
	}

	@Bean
	Inbox inbox(JdbcTemplate jdbc) {
		return new Inbox(jdbc);
	}

	@Bean
	InboxPruner inboxPruner(JdbcTemplate jdbc, MessagingProperties properties) {
		return new InboxPruner(jdbc, properties.inboxRetention());
	}

	@Bean
	EventConsumer eventConsumer(Inbox inbox, TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
		return new EventConsumer(inbox, transactions, meters, clock);
	}

	/**
	 * The consumers' retry and dead-letter policy ({@link ConsumerErrorHandling}), with
	 * its own producer: dead letters keep the consumed record's raw key and value.
	 */
	@Bean
	ListenerContainerWithDlqAndRetryCustomizer consumerErrorHandling(KafkaProperties kafka) {
		return ConsumerErrorHandling.create(new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(durableProducer(kafka, ByteArraySerializer.class))));
	}

}
