package com.bidstream.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes the outbox to Kafka, oldest first, on one thread: woken when a transaction
 * that appended events commits, polling otherwise, backing off while a pass fails. Each
 * pass is an {@link OutboxBatches#publishBatch()}. Whatever a pass throws, an
 * {@link Error} included, the thread logs it and carries on: a dead relay would leave the
 * service healthy-looking while its outbox fills. {@link OutboxRelayHealthIndicator}
 * reports a relay that is dead or stalled anyway.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

	private final Pass pass;

	private final Supplier<Map<String, Instant>> heldSince;

	private final Duration pollInterval;

	private final BackOff backOff;

	private final Clock clock;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile Thread worker;

	private volatile boolean running;

	private volatile Instant lastPass;

	private volatile String lastFailure;

	public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<String, byte[]> kafka,
			MessagingProperties properties, MeterRegistry meters, Clock clock) {
		this(new OutboxBatches(jdbc, transactions, kafka, properties, meters, clock), properties.pollInterval(), clock);
	}

	private OutboxRelay(OutboxBatches batches, Duration pollInterval, Clock clock) {
		this(batches::publishBatch, batches::heldSince, pollInterval, clock);
	}

	OutboxRelay(Pass pass, Duration pollInterval, Clock clock) {
		this(pass, Map::of, pollInterval, clock);
	}

	OutboxRelay(Pass pass, Supplier<Map<String, Instant>> heldSince, Duration pollInterval, Clock clock) {
		this.pass = pass;
		this.heldSince = heldSince;
		this.pollInterval = pollInterval;
		this.clock = clock;
		ExponentialBackOff backOff = new ExponentialBackOff(pollInterval.toMillis(), 2.0);
		backOff.setMaxInterval(MAX_BACK_OFF.toMillis());
		this.backOff = backOff;
	}

	/**
	 * Called after a transaction that appended events commits, so they go out at once.
	 */
	void wakeUp() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	@Override
	public void start() {
		this.lastPass = this.clock.instant();
		this.running = true;
		Thread thread = new Thread(this::run, "outbox-relay");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * What the relay's health is judged by.
	 */
	State state() {
		Thread thread = this.worker;
		return new State(this.running, thread != null && thread.isAlive(), this.lastPass, this.lastFailure,
				this.heldSince.get());
	}

	private void run() {
		BackOffExecution failing = null;
		while (this.running) {
			try {
				int sent = this.pass.publish();
				this.lastPass = this.clock.instant();
				this.lastFailure = null;
				failing = null;
				if (sent == 0) {
					this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				}
			}
			catch (InterruptedException ex) {
				// stop() interrupts; anything else that does is not a reason to quit
			}
			catch (Throwable ex) {
				if (!this.running) {
					return;
				}
				failing = (failing != null) ? failing : this.backOff.start();
				pauseAfter(ex, failing.nextBackOff());
			}
		}
	}

	private void pauseAfter(Throwable failure, long millis) {
		this.lastFailure = OutboxBatches.rootMessage(failure);
		if (failure instanceof Error) {
			log.error("Outbox relay pass failed; retrying in {} ms", millis, failure);
		}
		else {
			log.warn("Outbox relay could not publish ({}); retrying in {} ms", this.lastFailure, millis);
		}
		try {
			// not woken by new events: they would only hit the same failure sooner
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			// stop() interrupts; the loop checks whether to go on
		}
	}

	/**
	 * One pass over the outbox.
	 */
	@FunctionalInterface
	interface Pass {

		/**
		 * @return how many events were published; 0 lets the relay idle
		 */
		int publish() throws InterruptedException;

	}

	/**
	 * @param heldSince the topics and partitions the relay holds ({@link OutboxHolds}),
	 * by when since
	 */
	record State(boolean running, boolean alive, Instant lastPass, String lastFailure, Map<String, Instant> heldSince) {

	}

}
