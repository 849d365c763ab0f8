package com.bidstream.platform.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.DatabaseFailures;

/**
 * The one retry and dead-letter policy of every consumer, on the listener container
 * (Spring Kafka's {@link DefaultErrorHandler}) rather than in the binder:
 * <ul>
 * <li>a record that fails is retried with the binding's back-off
 * ({@code spring.cloud.stream.default.consumer.max-attempts} and {@code back-off-*}),
 * then published to {@code error.<topic>.<group>} with the original topic, partition,
 * offset and exception in headers; an unreadable one goes there at once;</li>
 * <li>a dead letter is written before the consumer moves on: when the publish fails the
 * record is not committed, and is retried (the binder's own DLQ sender logs such a
 * failure and commits the offset, losing the event);</li>
 * <li>while the database cannot be reached, the failed record is retried without limit
 * ({@link #DATABASE_BACK_OFF}): a good event is never dead-lettered for an outage, even
 * when the outage began with a failure that did not look like one. Each wait is short of
 * {@code max.poll.interval.ms}, so the consumer keeps its partitions.</li>
 * </ul>
 */
public final class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

	/**
	 * Waits between tries while the database is unreachable: 250 ms doubling to 5 s,
	 * without end.
	 */
	static final BackOff DATABASE_BACK_OFF = databaseBackOff();

	private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

	/** A record retried without end logs its first failed try and every 20th. */
	static final int LOG_EVERY = 20;

	private static final Duration DEAD_LETTER_SEND_TIMEOUT = Duration.ofSeconds(30);

	private final KafkaOperations<Object, Object> deadLetters;

	private ConsumerErrorHandling(KafkaOperations<Object, Object> deadLetters) {
		this.deadLetters = deadLetters;
	}

	/**
	 * The policy, publishing dead letters with {@code deadLetters} (raw bytes,
	 * {@code acks=all}).
	 */
	@SuppressWarnings("unchecked")
	public static ConsumerErrorHandling create(KafkaOperations<?, ?> deadLetters) {
		return new ConsumerErrorHandling((KafkaOperations<Object, Object>) deadLetters);
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			@Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
			@Nullable BackOff backOff) {
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(group),
				(backOff != null) ? backOff : new FixedBackOff(0, 0));
		handler.setBackOffFunction((record, ex) -> DatabaseFailures.isUnreachable(ex) ? DATABASE_BACK_OFF : null);
		// each retry rewinds with a KafkaException that the container logs at this level,
		// with its stack trace; the retry listener writes one line instead
		handler.setLogLevel(KafkaException.Level.DEBUG);
		handler.setRetryListeners(new RetryLog(group));
		container.setCommonErrorHandler(handler);
	}

	/**
	 * One WARN line per failed try of a record, without a stack trace: the first try and
	 * then every {@value #LOG_EVERY}th (a database outage retries without end). Whether
	 * it is tried again or dead-lettered is decided after; the dead letter has its own
	 * line.
	 */
	private record RetryLog(String group) implements RetryListener {

		@Override
		public void failedDelivery(ConsumerRecord<?, ?> record, @Nullable Exception ex, int deliveryAttempt) {
			if (ex == null || (deliveryAttempt != 1 && deliveryAttempt % LOG_EVERY != 0)) {
				return;
			}
			String cause = DatabaseFailures.isUnreachable(ex) ? "the database is out of reach"
					: DeadLetterReasons.raw(ex);
			log.warn("Try {} of {}-{}@{} in group {} failed: {}", deliveryAttempt, record.topic(), record.partition(),
					record.offset(), this.group, cause);
		}

	}

	/**
	 * Writes a record that used up its attempts to {@code error.<topic>.<group>}, unless
	 * its last failure was the database being out of reach: a record's back-off is chosen
	 * at its first failure, and an outage can begin with a failure that does not look
	 * like one (a rollback on a connection already gone). Refusing keeps the record
	 * uncommitted; the error handler then starts it again, with the database's back-off.
	 */
	ConsumerRecordRecoverer recoverer(String group) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(this.deadLetters,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
		publisher.setHeadersFunction(ConsumerErrorHandling::originHeaders);
		publisher.setFailIfSendResultIsError(true);
		publisher.setWaitForSendResultTimeout(DEAD_LETTER_SEND_TIMEOUT);
		return (record, ex) -> {
			if (DatabaseFailures.isUnreachable(ex)) {
				throw new IllegalStateException("Not dead-lettering " + record.topic() + "-" + record.partition() + "@"
						+ record.offset() + ": the database is out of reach, so it is retried", ex);
			}
			publisher.accept(record, ex);
			log.warn("Dead-lettered {}-{}@{} of group {} to {}: {}", record.topic(), record.partition(),
					record.offset(), group, Topics.deadLetter(record.topic(), group), DeadLetterReasons.raw(ex));
		};
	}

	@Override
	public boolean retryAndDlqInBinding(String destinationName, String group) {
		return false;
	}

	/**
	 * The headers the contract names, as the binder wrote them: {@code x-original-topic},
	 * {@code x-original-partition} (4 bytes), {@code x-original-offset} (8 bytes) and
	 * {@code x-exception-message} (why the event itself failed, fit to show:
	 * {@link DeadLetterReasons}).
	 */
	static Headers originHeaders(ConsumerRecord<?, ?> record, Exception failure) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("x-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
		headers.add("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(record.partition()).array());
		headers.add("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(record.offset()).array());
		headers.add("x-exception-message", DeadLetterReasons.of(failure).getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	private static BackOff databaseBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(250, 2.0);
		backOff.setMaxInterval(5000);
		return backOff;
	}

}
