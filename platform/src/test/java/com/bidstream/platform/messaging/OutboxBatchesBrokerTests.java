package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.platform.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The relay against a real broker that creates no topics, where one topic of the outbox
 * does not exist: the producer finds no metadata for it, and the other topic's events
 * behind its events still go out, pass after pass, without waiting {@code max.block.ms}
 * each time.
 */
class OutboxBatchesBrokerTests {

	static final String MISSING = "listings.ingested";

	static final String PRESENT = "listings.scored";

	static final DataSource DATABASE = PlatformDatabase.migrated("platform_relay_broker");

	static EmbeddedKafkaKraftBroker broker;

	final JdbcTemplate jdbc = new JdbcTemplate(DATABASE);

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1, PRESENT);
		broker.brokerProperty("auto.create.topics.enable", "false");
		// not spring.embedded.kafka.brokers: the binder of the tests after this one reads
		// it
		broker.brokerListProperty("bidstream.test.relay-broker");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void theEventsOfATopicTheBrokerDoesNotHaveAreHeldAndTheOthersGoOutUntilItExists() {
		this.jdbc.update("delete from outbox");
		for (String key : List.of("a", "b", "c")) {
			append(MISSING, key);
		}
		append(PRESENT, "x");
		append(PRESENT, "y");
		MovableClock clock = new MovableClock();
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000),
				new StringSerializer(), new ByteArraySerializer());
		try {
			List<String> tried = new CopyOnWriteArrayList<>();
			OutboxBatches relay = relay(new KafkaTemplate<>(producers) {
				@Override
				public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
					tried.add(record.topic() + ":" + record.key());
					return super.send(record);
				}
			}, clock);

			assertThatIllegalStateException().as("the first read holds two events of the missing topic only")
				.isThrownBy(relay::publishBatch);
			assertThat(relay.publishBatch()).isEqualTo(2);
			assertThatIllegalStateException().isThrownBy(relay::publishBatch).withMessageContaining(MISSING + " held");
			assertThat(tried).as("the missing topic tried once, then held")
				.containsExactly(MISSING + ":a", PRESENT + ":x", PRESENT + ":y");
			assertThat(read(PRESENT, 2)).containsExactly("x", "y");

			broker.addTopics(new NewTopic(MISSING, 1, (short) 1));
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				clock.advance(Duration.ofMinutes(1));
				return relay.publishBatch() == 2;
			});
			assertThat(relay.publishBatch()).isEqualTo(1);

			assertThat(read(MISSING, 3)).containsExactly("a", "b", "c");
			assertThat(this.jdbc.queryForObject("select count(*) from outbox", Long.class)).isZero();
		}
		finally {
			producers.destroy();
		}
	}

	private OutboxBatches relay(KafkaTemplate<String, byte[]> kafka, MovableClock clock) {
		MessagingProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("bidstream.messaging.batch-size", "2", "bidstream.messaging.send-timeout", "5s")))
			.bindOrCreate("bidstream.messaging", MessagingProperties.class);
		return new OutboxBatches(this.jdbc, new TransactionTemplate(new DataSourceTransactionManager(DATABASE)), kafka,
				properties, new SimpleMeterRegistry(), clock);
	}

	private List<String> read(String topic, int count) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, "relay-broker-" + UUID.randomUUID(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
				return keys.size() >= count;
			});
			return keys;
		}
	}

	private void append(String topic, String key) {
		this.jdbc.update(
				"insert into outbox (topic, msg_key, event_id, event_type, payload) values (?, ?, ?, 'Test', ?)", topic,
				key, UUID.randomUUID(), key.getBytes(StandardCharsets.UTF_8));
	}

}
