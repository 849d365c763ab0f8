package com.bidstream.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.contracts.EventIds;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.Topics;
import com.bidstream.ingest.intake.IntakeReport.Rejection;
import com.bidstream.ingest.intake.ListingVersions.Written;
import com.bidstream.ingest.listing.BatchPlan;
import com.bidstream.ingest.listing.BatchPlan.Item;
import com.bidstream.ingest.listing.ListingValidator;
import com.bidstream.ingest.listing.Validation;
import com.bidstream.platform.messaging.Outbox;

/**
 * The one way in for listings, whatever their source (the REST endpoint, imports, feeds,
 * webhooks): validates the candidates, records each new content as the next version of
 * its listing for the agency, and appends a {@link ListingIngested} per accepted
 * candidate to the outbox, all in one transaction: once it commits, nothing accepted can
 * be lost.
 */
@Service
public class ListingIntake {

	private static final Logger log = LoggerFactory.getLogger(ListingIntake.class);

	static final int WRITE_ATTEMPTS = 3;

	/**
	 * A write that lost to a concurrent batch's locks is tried again after 20 ms, then 40
	 * ms; any other failure is not retried.
	 */
	private static final RetryTemplate WRITE_RETRIES = new RetryTemplate(RetryPolicy.builder()
		.includes(PessimisticLockingFailureException.class)
		.maxRetries(WRITE_ATTEMPTS - 1)
		.delay(Duration.ofMillis(20))
		.multiplier(2)
		.build());

	private final ListingVersions versions;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final IntakeMetrics metrics;

	private final Clock clock;

	private final ListingValidator validator;

	ListingIntake(ListingVersions versions, Outbox outbox, TransactionTemplate transactions, MeterRegistry meters,
			Clock clock) {
		this.clock = clock;
		this.validator = new ListingValidator(clock);
		this.versions = versions;
		this.outbox = outbox;
		this.transactions = transactions;
		this.metrics = new IntakeMetrics(meters);
	}

	/**
	 * Takes the candidates of one batch for the agency; they are written in one
	 * transaction.
	 */
	public IntakeReport submit(String agency, List<ListingCandidate> candidates) {
		return submit(agency, candidates, null);
	}

	/**
	 * Takes the candidates of one batch for the agency and runs {@code alongside} with
	 * the report in the same transaction, after the listings are written and before it
	 * commits (an import records its progress so): both commit, or neither.
	 */
	public IntakeReport submit(String agency, List<ListingCandidate> candidates, Consumer<IntakeReport> alongside) {
		return submit(agency, check(candidates), alongside);
	}

	/**
	 * Checks candidates with the intake's validator, writing nothing: the valid ones with
	 * the hash of their content, and the rejections. Safe on any thread, so that an
	 * import checks its next chunk while one is written.
	 */
	public Checked check(List<ListingCandidate> candidates) {
		List<Rejection> rejected = new ArrayList<>();
		List<Item> valid = new ArrayList<>(candidates.size());
		for (int i = 0; i < candidates.size(); i++) {
			ListingCandidate candidate = candidates.get(i);
			Validation validation = this.validator.validate(candidate.fields());
			if (validation.isValid()) {
				valid.add(Item.of(i, validation));
			}
			else {
				rejected.add(new Rejection(candidate.position(), validation.errors()));
			}
		}
		return new Checked(valid, rejected);
	}

	/**
	 * Writes checked candidates for the agency in one transaction, with {@code alongside}
	 * as {@link #submit(String, List, Consumer)} runs it.
	 */
	public IntakeReport submit(String agency, Checked checked, Consumer<IntakeReport> alongside) {
		Instant started = this.clock.instant();
		IntakeReport report;
		if (checked.valid.isEmpty() && alongside == null) {
			report = new IntakeReport(0, 0, checked.rejected);
		}
		else {
			report = writeRetryingDeadlocks(agency, checked.valid, checked.rejected, alongside);
		}
		this.metrics.count(report);
		log.debug("Listings taken for agency {}: {} accepted, {} duplicates, {} rejected in {} ms", agency,
				report.accepted(), report.duplicates(), report.rejected().size(),
				Duration.between(started, this.clock.instant()).toMillis());
		return report;
	}

	/**
	 * Candidates as {@link #check(List)} left them, for
	 * {@link #submit(String, Checked, Consumer)}; only the intake makes one.
	 */
	public static final class Checked {

		private final List<Item> valid;

		private final List<Rejection> rejected;

		private Checked(List<Item> valid, List<Rejection> rejected) {
			this.valid = List.copyOf(valid);
			this.rejected = List.copyOf(rejected);
		}

	}

	/**
	 * Two batches that both hold changes of the same listings may deadlock on their rows;
	 * PostgreSQL then aborts one, which is written again from scratch by
	 * {@link #WRITE_RETRIES}: at most {@link #WRITE_ATTEMPTS} writes in all, then the
	 * failure goes to the caller (503 {@code database-busy}, or an import's retry).
	 */
	private IntakeReport writeRetryingDeadlocks(String agency, List<Item> items, List<Rejection> rejected,
			Consumer<IntakeReport> alongside) {
		AtomicInteger attempt = new AtomicInteger();
		return WRITE_RETRIES.invoke(() -> {
			if (attempt.incrementAndGet() > 1) {
				log.warn("Listings of agency {} met a concurrent batch (attempt {} of {}); writing again", agency,
						attempt.get() - 1, WRITE_ATTEMPTS);
			}
			return this.transactions.execute((status) -> {
				int accepted = items.isEmpty() ? 0 : write(agency, items);
				IntakeReport report = new IntakeReport(accepted, items.size() - accepted, rejected);
				if (alongside != null) {
					alongside.accept(report);
				}
				return report;
			});
		});
	}

	private int write(String agency, List<Item> items) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<ListingIngested> events = new ArrayList<>();
		for (List<Item> round : BatchPlan.of(items).rounds()) {
			Map<String, Written> written = this.versions.upsert(agency, now, round);
			for (Item item : round) {
				Written version = written.get(item.jobKey());
				if (version != null) {
					events.add(new ListingIngested(EventIds.timeOrdered(now), now, agency, item.jobKey(),
							ListingIngested.SCHEMA_VERSION, version.version(), version.firstAcceptedAt(),
							item.listing()));
				}
			}
		}
		this.outbox.appendAll(Topics.LISTINGS_INGESTED, events);
		return events.size();
	}

}
