package com.bidstream.ingest.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
 * Validates a request's items, records each new content as the next version of its
 * listing for the agency, and appends a {@link ListingIngested} per accepted item to the
 * outbox, all in one transaction: once it commits, nothing accepted can be lost.
 */
@Service
class ListingIntake {

	private static final Logger log = LoggerFactory.getLogger(ListingIntake.class);

	private static final int WRITE_ATTEMPTS = 3;

	private final ListingVersions versions;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final IntakeMetrics metrics;

	private final Clock clock = Clock.systemUTC();

	private final ListingValidator validator = new ListingValidator(this.clock);

	ListingIntake(ListingVersions versions, Outbox outbox, TransactionTemplate transactions, MeterRegistry meters) {
		this.versions = versions;
		this.outbox = outbox;
		this.transactions = transactions;
		this.metrics = new IntakeMetrics(meters);
	}

	IntakeReport ingest(String agency, List<JsonNode> items) {
		Instant started = this.clock.instant();
		List<Rejection> rejected = new ArrayList<>();
		List<Item> valid = new ArrayList<>(items.size());
		for (int index = 0; index < items.size(); index++) {
			Validation validation = this.validator.validate(items.get(index));
			if (validation.isValid()) {
				valid.add(Item.of(index, validation.listing()));
			}
			else {
				rejected.add(new Rejection(index, validation.errors()));
			}
		}
		int accepted = valid.isEmpty() ? 0 : writeRetryingDeadlocks(agency, valid);
		IntakeReport report = new IntakeReport(accepted, valid.size() - accepted, rejected);
		this.metrics.count(report);
		log.debug("Listings posted for agency {}: {} accepted, {} duplicates, {} rejected in {} ms", agency,
				report.accepted(), report.duplicates(), report.rejected().size(),
				Duration.between(started, this.clock.instant()).toMillis());
		return report;
	}

	/**
	 * Two batches that both hold changes of the same listings may deadlock on their rows;
	 * PostgreSQL then aborts one, which is written again from scratch.
	 */
	private int writeRetryingDeadlocks(String agency, List<Item> items) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute((status) -> write(agency, items));
			}
			catch (PessimisticLockingFailureException ex) {
				if (attempt == WRITE_ATTEMPTS) {
					throw ex;
				}
				log.warn("Listings of agency {} met a concurrent batch (attempt {} of {}); writing again", agency,
						attempt, WRITE_ATTEMPTS);
			}
		}
	}

	private int write(String agency, List<Item> items) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		List<ListingIngested> events = new ArrayList<>();
		for (List<Item> round : BatchPlan.of(items).rounds()) {
			Map<String, Written> written = this.versions.upsert(agency, now, round);
			for (Item item : round) {
				Written version = written.get(item.jobKey());
				if (version != null) {
					events.add(new ListingIngested(UUID.randomUUID(), now, agency, item.jobKey(),
							ListingIngested.SCHEMA_VERSION, version.version(), version.firstAcceptedAt(),
							item.listing()));
				}
			}
		}
		this.outbox.appendAll(Topics.LISTINGS_INGESTED, events);
		return events.size();
	}

}
