package com.bidstream.reporting.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import com.bidstream.contracts.Topics;

/**
 * Reads offsets from the broker with one admin client: topics, start and end offsets, the
 * three groups' committed offsets. Every call is bounded by {@code timeout}; any failure
 * makes an unreachable sample rather than an exception.
 */
class BrokerProbe implements AutoCloseable {

	private final Admin admin;

	private final Duration timeout;

	BrokerProbe(Admin admin, Duration timeout) {
		this.admin = admin;
		this.timeout = timeout;
	}

	BrokerSample sample(Instant at) {
		try {
			return read(at);
		}
		catch (ExecutionException ex) {
			// the admin client's own timeout says "Timed out waiting for a node
			// assignment.
			// Call: listTopics": its words, not an operator's
			return BrokerSample.unreachable(at,
					(ex.getCause() instanceof org.apache.kafka.common.errors.TimeoutException)
							? "no answer within " + this.timeout.toMillis() + " ms"
							: String.valueOf(ex.getCause().getMessage()));
		}
		catch (TimeoutException ex) {
			return BrokerSample.unreachable(at, "no answer within " + this.timeout.toMillis() + " ms");
		}
		catch (KafkaException ex) {
			return BrokerSample.unreachable(at, String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return BrokerSample.unreachable(at, "interrupted");
		}
	}

	private BrokerSample read(Instant at) throws ExecutionException, TimeoutException, InterruptedException {
		Set<String> existing = get(this.admin
			.listTopics(new ListTopicsOptions().timeoutMs((int) this.timeout.toMillis()).listInternal(false))
			.names());
		List<String> wanted = new ArrayList<>(Topics.ALL);
		wanted.addAll(PipelineStage.allDeadLetterTopics());
		wanted.retainAll(existing);
		Map<String, List<TopicPartition>> partitions = partitions(wanted);
		List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
		Map<TopicPartition, Long> starts = offsets(all, OffsetSpec.earliest());
		Map<TopicPartition, Long> ends = offsets(all, OffsetSpec.latest());
		Map<PipelineStage, Long> lag = new EnumMap<>(PipelineStage.class);
		Map<PipelineStage, Long> progress = new EnumMap<>(PipelineStage.class);
		Map<PipelineStage, Long> deadLetters = new EnumMap<>(PipelineStage.class);
		Map<TopicPartition, Long> deadLetterEnds = new HashMap<>();
		for (PipelineStage stage : PipelineStage.consumers()) {
			List<TopicPartition> consumed = stage.consumedTopics()
				.stream()
				.flatMap((topic) -> partitions.getOrDefault(topic, List.of()).stream())
				.toList();
			Map<TopicPartition, OffsetAndMetadata> committed = committed(stage.group(), consumed);
			long stageLag = 0;
			long stageProgress = 0;
			for (TopicPartition partition : consumed) {
				OffsetAndMetadata offset = committed.get(partition);
				long position = (offset != null) ? offset.offset() : starts.getOrDefault(partition, 0L);
				stageLag += Math.max(0, ends.getOrDefault(partition, 0L) - position);
				stageProgress += position;
			}
			long stageDeadLetters = 0;
			for (String topic : stage.deadLetterTopics()) {
				for (TopicPartition partition : partitions.getOrDefault(topic, List.of())) {
					stageDeadLetters += Math.max(0,
							ends.getOrDefault(partition, 0L) - starts.getOrDefault(partition, 0L));
					deadLetterEnds.put(partition, ends.getOrDefault(partition, 0L));
				}
			}
			lag.put(stage, stageLag);
			progress.put(stage, stageProgress);
			deadLetters.put(stage, stageDeadLetters);
		}
		return new BrokerSample(at, null, lag, progress, deadLetters, deadLetterEnds);
	}

	private Map<String, List<TopicPartition>> partitions(List<String> topics)
			throws ExecutionException, TimeoutException, InterruptedException {
		Map<String, List<TopicPartition>> partitions = new HashMap<>();
		if (topics.isEmpty()) {
			return partitions;
		}
		Map<String, TopicDescription> described = get(this.admin.describeTopics(topics).allTopicNames());
		described.forEach((name, description) -> partitions.put(name,
				description.partitions()
					.stream()
					.map((partition) -> new TopicPartition(name, partition.partition()))
					.toList()));
		return partitions;
	}

	private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws ExecutionException, TimeoutException, InterruptedException {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		Map<TopicPartition, Long> offsets = new HashMap<>();
		if (request.isEmpty()) {
			return offsets;
		}
		Map<TopicPartition, ListOffsetsResultInfo> answer = get(this.admin.listOffsets(request).all());
		answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
		return offsets;
	}

	private Map<TopicPartition, OffsetAndMetadata> committed(String group, List<TopicPartition> partitions)
			throws ExecutionException, TimeoutException, InterruptedException {
		if (partitions.isEmpty()) {
			return Map.of();
		}
		Map<TopicPartition, OffsetAndMetadata> committed = get(this.admin
			.listConsumerGroupOffsets(Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
			.partitionsToOffsetAndMetadata(group));
		Map<TopicPartition, OffsetAndMetadata> known = new HashMap<>();
		committed.forEach((partition, offset) -> {
			if (offset != null) {
				known.put(partition, offset);
			}
		});
		return known;
	}

	private <T> T get(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
		return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(1));
	}

}
