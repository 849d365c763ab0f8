package com.bidstream.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
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

	static KafkaClusterTestKit cluster;

	final JdbcTemplate jdbc = new JdbcTemplate(DATABASE);

	static final String SPLIT = "pursuits.events";

	/** The broker of every topic but one partition of {@link #SPLIT}. */
	static int first;

	/** The broker of {@link #SPLIT}'s partition 1, which a test stops. */
	static int second;

	/**
	 * Two brokers and a controller of their own (spring-kafka-test's broker makes each
	 * node a controller too, and a quorum of two stops with one of them), creating no
	 * topics.
	 */
	@BeforeAll
	static void startBrokers() throws Exception {
		cluster = new KafkaClusterTestKit.Builder(
				new TestKitNodes.Builder().setCombined(false).setNumControllerNodes(1).setNumBrokerNodes(2).build())
			.setConfigProp("auto.create.topics.enable", "false")
			.setConfigProp("offsets.topic.replication.factor", "1")
			.build();
		cluster.format();
		cluster.startup();
		cluster.waitForReadyBrokers();
		List<Integer> ids = cluster.brokers().keySet().stream().sorted().toList();
		first = ids.get(0);
		second = ids.get(1);
		addTopics(new NewTopic(PRESENT, Map.of(0, List.of(first))),
				new NewTopic(SPLIT, Map.of(0, List.of(first), 1, List.of(second))));
	}

	@AfterAll
	static void stopBrokers() throws Exception {
		cluster.close();
	}

	static void addTopics(NewTopic... topics) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
			admin.createTopics(List.of(topics)).all().get(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void theEventsOfATopicTheBrokerDoesNotHaveAreHeldAndTheOthersGoOutUntilItExists() throws Exception {
		this.jdbc.update("delete from outbox");
		for (String key : List.of("a", "b", "c")) {
			append(MISSING, key);
		}
		append(PRESENT, "x");
		append(PRESENT, "y");
		MovableClock clock = new MovableClock();
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000),
				new StringSerializer(), new ByteArraySerializer());
		try {
			List<String> tried = new CopyOnWriteArrayList<>();
			OutboxBatches relay = relay(recording(producers, tried), clock);

			assertThatIllegalStateException().as("the first read holds two events of the missing topic only")
				.isThrownBy(relay::publishBatch);
			assertThat(relay.publishBatch()).isEqualTo(2);
			assertThat(relay.publishBatch()).as("only its events are left: nothing to do").isZero();
			assertThat(relay.heldSince()).as("what the relay's health shows").containsOnlyKeys(MISSING);
			assertThat(tried).as("the missing topic tried once, then held")
				.containsExactly(MISSING + ":a", PRESENT + ":x", PRESENT + ":y");
			assertThat(read(PRESENT, 2)).containsExactly("x", "y");

			addTopics(new NewTopic(MISSING, Map.of(0, List.of(first))));
			await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				clock.advance(Duration.ofMinutes(1));
				return relay.publishBatch() == 1;
			});
			assertThat(relay.publishBatch()).as("after the probe, the others").isEqualTo(2);

			assertThat(read(MISSING, 3).stream().distinct()).as("at least once: a probe may land twice")
				.containsExactly("a", "b", "c");
			assertThat(this.jdbc.queryForObject("select count(*) from outbox", Long.class)).isZero();
			assertThat(relay.heldSince()).isEmpty();
		}
		finally {
			producers.destroy();
		}
	}

	/**
	 * One partition of a topic without a leader (its only broker stopped): its events
	 * fail, the partition is held, and the next pass reads past its events piled at the
	 * head of the outbox and publishes the other partition's, without sending the held
	 * ones again.
	 */
	@Test
	void aPartitionWithoutALeaderIsHeldAndTheOtherPartitionsEventsBehindItsGoOut() throws Exception {
		this.jdbc.update("delete from outbox");
		List<String> stranded = keysOf(1, 3);
		List<String> served = keysOf(0, 2);
		stranded.forEach((key) -> append(SPLIT, key));
		served.forEach((key) -> append(SPLIT, key));
		DefaultKafkaProducerFactory<String, byte[]> producers = new DefaultKafkaProducerFactory<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
						ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
						ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.LINGER_MS_CONFIG, 0),
				new StringSerializer(), new ByteArraySerializer());
		try {
			List<String> tried = new CopyOnWriteArrayList<>();
			OutboxBatches relay = relay(recording(producers, tried), new MovableClock());
			assertThat(new KafkaTemplate<>(producers).partitionsFor(SPLIT)).hasSize(2);
			cluster.brokers().get(second).shutdown();
			cluster.brokers().get(second).awaitShutdown();

			assertThatIllegalStateException().as("the first read: two events of the partition without a leader")
				.isThrownBy(relay::publishBatch);
			assertThat(relay.publishBatch()).as("the next reads go past them").isEqualTo(2);
			assertThat(relay.heldSince()).containsOnlyKeys(SPLIT + "-1");

			assertThat(tried).containsExactly(SPLIT + ":" + stranded.get(0), SPLIT + ":" + stranded.get(1),
					SPLIT + ":" + served.get(0), SPLIT + ":" + served.get(1));
			assertThat(read(SPLIT, 2)).containsExactlyInAnyOrderElementsOf(served);
			assertThat(this.jdbc.queryForList("select msg_key from outbox order by id", String.class))
				.containsExactlyElementsOf(stranded);
		}
		finally {
			producers.destroy();
		}
	}

	/**
	 * {@code count} keys the producer puts in the partition of {@link #SPLIT}'s two.
	 */
	private static List<String> keysOf(int partition, int count) {
		return java.util.stream.IntStream.range(0, 1000)
			.mapToObj((n) -> "key-" + n)
			.filter((key) -> BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 2) == partition)
			.limit(count)
			.toList();
	}

	/**
	 * A template that notes each send it is asked for ({@code topic:key}) in
	 * {@code tried}.
	 */
	private static KafkaTemplate<String, byte[]> recording(DefaultKafkaProducerFactory<String, byte[]> producers,
			List<String> tried) {
		return new KafkaTemplate<>(producers) {
			@Override
			public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
				tried.add(record.topic() + ":" + record.key());
				return super.send(record);
			}
		};
	}

	private OutboxBatches relay(KafkaTemplate<String, byte[]> kafka, MovableClock clock) {
		MessagingProperties properties = new Binder(new MapConfigurationPropertySource(
				Map.of("bidstream.messaging.batch-size", "2", "bidstream.messaging.send-timeout", "5s")))
			.bindOrCreate("bidstream.messaging", MessagingProperties.class);
		return new OutboxBatches(this.jdbc, new TransactionTemplate(new DataSourceTransactionManager(DATABASE)), kafka,
				properties, new SimpleMeterRegistry(), clock);
	}

	/**
	 * The keys on the topic's partition 0 (on the broker that stays up; no consumer
	 * group, whose coordinator might be on the other).
	 */
	private List<String> read(String topic, int count) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), new StringDeserializer(),
				new ByteArrayDeserializer())) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					keys.add(record.key());
				}
				return keys.stream().distinct().count() >= count;
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
