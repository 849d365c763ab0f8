package com.bidstream.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay and of the topics every service declares.
 *
 * @param pollInterval how long the relay waits for new events when the outbox is empty
 * @param batchSize events per relay batch
 * @param sendTimeout how long a batch waits for the broker's acknowledgements
 * @param partitions partitions of each topic, when a service creates it
 * @param replicas replication factor of each topic, when a service creates it
 * @param inboxRetention how long a consumer remembers the events it applied
 * @param relayStallTimeout how long events may wait without a relay pass completing
 * before the relay's health is DOWN
 * @param outboxSweepEvery how often the relay reads the outbox from its first id instead
 * of from its cursor ({@link OutboxCursor}): a safety net, and the one slow read left
 * @param holdRetryMax the longest the relay waits before it tries again a topic or
 * partition Kafka could not take ({@link OutboxHolds}): its events are held meanwhile,
 * and the others' go out
 */
@ConfigurationProperties("bidstream.messaging")
public record MessagingProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("500") int batchSize,
		@DefaultValue("30s") Duration sendTimeout, @DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("14d") Duration inboxRetention, @DefaultValue("2m") Duration relayStallTimeout,
		@DefaultValue("1h") Duration outboxSweepEvery, @DefaultValue("30s") Duration holdRetryMax) {

}
