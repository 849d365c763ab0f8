package com.bidstream.reporting.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.Topics;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.reporting.intake.ReportingSink;

/**
 * Counts each consumed event into the per-minute buckets of its stage and of reporting,
 * one statement per poll batch, inside the consumer's transaction (so exactly once). It
 * runs after {@code EventRecorder} (order 0), whose listing row gives a later version's
 * ingest time. Latency per stage:
 * <ul>
 * <li>ingest: none. The stage is where latency starts ("from ingest to that stage"); the
 * time from a job's posting to its ingest measures the marketplace and the feed's
 * schedule, often hours, not the pipeline, so it is not mixed in;</li>
 * <li>scoring: from the version's ingest to its score: {@code firstIngestedAt} for
 * version 1, the stored listing's {@code last_ingested_at} for a later version (unknown,
 * so left out, when that version is not the stored one);</li>
 * <li>tracking: from the score to the QUEUE tracking made of it ({@code occurredAt} is
 * the score's time, {@code recordedAt} tracking's);</li>
 * <li>reporting: from the event's publication ({@code recordedAt} of a pursuit event,
 * {@code occurredAt} otherwise) to now.</li>
 * </ul>
 */
@Component
@Order(20)
class HealthSink implements ReportingSink {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<PipelineStage, Counter> processed = new EnumMap<>(PipelineStage.class);

	HealthSink(JdbcClient jdbc, MeterRegistry meters, ObjectProvider<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.getIfUnique(Clock::systemUTC);
		for (PipelineStage stage : PipelineStage.values()) {
			this.processed.put(stage,
					Counter.builder("bidstream.reporting.health.stage.processed")
						.description("Events of each pipeline stage that reporting counted")
						.tag("stage", stage.label())
						.register(meters));
		}
	}

	@Override
	public void listingsIngested(List<ListingIngested> events) {
		Instant now = this.clock.instant();
		List<StageEvent> rows = new ArrayList<>(events.size() * 2);
		for (ListingIngested event : events) {
			rows.add(StageEvent.of(PipelineStage.INGEST, Topics.LISTINGS_INGESTED, event.agencyId(), event.occurredAt(),
					null));
			rows.add(stored(Topics.LISTINGS_INGESTED, event.agencyId(), event.occurredAt(), now));
		}
		store(rows);
	}

	@Override
	public void listingsScored(List<ListingScored> events) {
		Instant now = this.clock.instant();
		List<StageEvent> rows = new ArrayList<>(events.size() * 2);
		for (ListingScored event : events) {
			if (event.version() == 1) {
				rows.add(StageEvent.of(PipelineStage.SCORING, Topics.LISTINGS_SCORED, event.agencyId(),
						event.occurredAt(), event.firstIngestedAt()));
			}
			else {
				rows.add(new StageEvent(PipelineStage.SCORING, Topics.LISTINGS_SCORED, event.agencyId(),
						event.occurredAt(), null, event.jobKey(), event.version()));
			}
			rows.add(stored(Topics.LISTINGS_SCORED, event.agencyId(), event.occurredAt(), now));
		}
		store(rows);
	}

	@Override
	public void pursuitsAdvanced(List<PursuitAdvanced> events) {
		Instant now = this.clock.instant();
		List<StageEvent> rows = new ArrayList<>(events.size() * 2);
		for (PursuitAdvanced event : events) {
			Instant recorded = (event.recordedAt() != null) ? event.recordedAt() : event.occurredAt();
			Instant scoredAt = (event.action() == Action.QUEUE && event.recordedAt() != null) ? event.occurredAt()
					: null;
			rows.add(StageEvent.of(PipelineStage.TRACKING, Topics.PURSUITS_EVENTS, event.agencyId(), recorded,
					scoredAt));
			rows.add(stored(Topics.PURSUITS_EVENTS, event.agencyId(), recorded, now));
		}
		store(rows);
	}

	private static StageEvent stored(String topic, String agencyId, Instant publishedAt, Instant now) {
		return StageEvent.of(PipelineStage.REPORTING, topic, agencyId, now, publishedAt);
	}

	/**
	 * One statement: the batch grouped by bucket, each bucket row locked in one order
	 * (stage, minute, agency, topic) so that two writers never deadlock.
	 */
	private void store(List<StageEvent> rows) {
		if (rows.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into health_buckets as h (stage, minute, agency_id, topic, processed, last_event_at, latency)
				select e.stage, e.minute, e.agency_id, e.topic, count(*), max(e.event_at),
				       health_histogram(array_agg(health_latency_bucket(coalesce(e.latency_ms::double precision,
				           extract(epoch from e.event_at - l.last_ingested_at) * 1000))))
				  from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], ?::text[],
				              ?::int[]) as e(stage, minute, agency_id, topic, event_at, latency_ms, job_key, version)
				  left join listings l on e.job_key is not null and l.agency_id = e.agency_id
				                      and l.job_key = e.job_key and l.latest_version = e.version
				 group by e.stage, e.minute, e.agency_id, e.topic
				 order by e.stage, e.minute, e.agency_id, e.topic
				on conflict (stage, minute, agency_id, topic) do update
				   set processed = h.processed + excluded.processed,
				       last_event_at = greatest(h.last_event_at, excluded.last_event_at),
				       latency = health_histogram_add(h.latency, excluded.latency)
				""")
			.params(ColumnArrays.of(rows)
				.text(StageEvent::stageLabel)
				.timestamp(StageEvent::minute)
				.text(StageEvent::agencyId)
				.text(StageEvent::topic)
				.timestamp(StageEvent::eventAt)
				.integer(StageEvent::latencyMs)
				.text(StageEvent::jobKey)
				.integer(StageEvent::version)
				.values())
			.update();
		rows.forEach((row) -> this.processed.get(row.stage()).increment());
	}

}
