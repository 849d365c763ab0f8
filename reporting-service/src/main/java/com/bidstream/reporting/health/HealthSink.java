package com.bidstream.reporting.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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
 * one upsert per poll batch (and one read when the batch holds a later version's score),
 * inside the consumer's transaction (so exactly once). It runs after
 * {@code EventRecorder} (order 0), whose listing row gives a later version's ingest time.
 * Latency per stage:
 * <ul>
 * <li>ingest: none. The stage is where latency starts ("from ingest to that stage"); the
 * time from a job's posting to its ingest measures the marketplace and the feed's
 * schedule, often hours, not the pipeline, so it is not mixed in;</li>
 * <li>scoring: from the version's ingest to its score: {@code firstIngestedAt} for
 * version 1, the stored listing's {@code last_ingested_at} for a later version (unknown,
 * so left out, when that version is not the stored one); a re-score ({@code rescored})
 * counts as processed with no latency;</li>
 * <li>tracking: from the score to the QUEUE tracking made of it ({@code occurredAt} is
 * the score's time, {@code recordedAt} tracking's);</li>
 * <li>reporting: from the event's publication ({@code recordedAt} of a pursuit event,
 * {@code occurredAt} otherwise) to now.</li>
 * </ul>
 * A stage row whose minute is already past the retention (a replay of old events) is
 * counted in the metric but not written: the prune would delete its bucket within the
 * hour, and a replay of a year would otherwise write a bucket per event for nothing.
 */
@Component
@Order(20)
class HealthSink implements ReportingSink {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	private final Map<PipelineStage, Counter> processed = new EnumMap<>(PipelineStage.class);

	HealthSink(JdbcClient jdbc, MeterRegistry meters, Clock clock, HealthProperties settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = settings.retention();
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
			if (Boolean.TRUE.equals(event.rescored())) {
				// a re-score's time is how long the listing waited for it, not the
				// pipeline's
				rows.add(StageEvent.of(PipelineStage.SCORING, Topics.LISTINGS_SCORED, event.agencyId(),
						event.occurredAt(), null));
			}
			else if (event.version() == 1) {
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
	 * The batch grouped by bucket here, each bucket's latency histogram counted here,
	 * then one statement that adds them to the stored buckets, in one order (stage,
	 * minute, agency, topic) so that two writers never deadlock. A later version's score
	 * takes its latency from the stored listing's ingest time, read in one statement
	 * first.
	 */
	private void store(List<StageEvent> all) {
		Instant kept = this.clock.instant().minus(this.retention);
		List<StageEvent> rows = all.stream().filter((row) -> !row.minute().isBefore(kept)).toList();
		if (!rows.isEmpty()) {
			write(rows);
		}
		all.forEach((row) -> this.processed.get(row.stage()).increment());
	}

	private void write(List<StageEvent> rows) {
		Map<String, Instant> ingestedAt = ingestTimes(rows);
		Map<BucketKey, Bucket> buckets = new TreeMap<>();
		for (StageEvent row : rows) {
			Double latency = (row.latencyMs() != null) ? Double.valueOf(row.latencyMs()) : millisSince(
					ingestedAt.get(versionKey(row.agencyId(), row.jobKey(), row.version())), row.eventAt());
			buckets
				.computeIfAbsent(new BucketKey(row.stageLabel(), row.minute(), row.agencyId(), row.topic()),
						(key) -> new Bucket())
				.add(row.eventAt(), latency);
		}
		List<Map.Entry<BucketKey, Bucket>> entries = new ArrayList<>(buckets.entrySet());
		this.jdbc
			.sql("""
					insert into health_buckets as h (stage, minute, agency_id, topic, processed, last_event_at, latency)
					select e.stage, e.minute, e.agency_id, e.topic, e.processed, e.last_event_at, e.latency::bigint[]
					  from unnest(?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[], ?::text[])
					       as e(stage, minute, agency_id, topic, processed, last_event_at, latency)
					on conflict (stage, minute, agency_id, topic) do update
					   set processed = h.processed + excluded.processed,
					       last_event_at = greatest(h.last_event_at, excluded.last_event_at),
					       latency = health_histogram_add(h.latency, excluded.latency)
					""")
			.params(ColumnArrays.of(entries)
				.text((entry) -> entry.getKey().stage())
				.timestamp((entry) -> entry.getKey().minute())
				.text((entry) -> entry.getKey().agencyId())
				.text((entry) -> entry.getKey().topic())
				.bigint((entry) -> entry.getValue().processed)
				.timestamp((entry) -> entry.getValue().lastEventAt)
				.text((entry) -> entry.getValue().latencyLiteral())
				.values())
			.update();
	}

	/**
	 * The stored listing's last ingest time for each later version's score in the batch,
	 * when that version is the stored one (else its latency is unknown and left out).
	 */
	private Map<String, Instant> ingestTimes(List<StageEvent> rows) {
		List<StageEvent> later = rows.stream().filter((row) -> row.jobKey() != null).toList();
		Map<String, Instant> times = new HashMap<>();
		if (later.isEmpty()) {
			return times;
		}
		this.jdbc
			.sql("""
					select l.agency_id, l.job_key, l.latest_version, l.last_ingested_at
					  from unnest(?::text[], ?::text[], ?::int[]) as k(agency_id, job_key, version)
					  join listings l on l.agency_id = k.agency_id and l.job_key = k.job_key and l.latest_version = k.version
					""")
			.params(ColumnArrays.of(later)
				.text(StageEvent::agencyId)
				.text(StageEvent::jobKey)
				.integer(StageEvent::version)
				.values())
			.query((rs, n) -> {
				times.put(versionKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
						rs.getObject(4, OffsetDateTime.class).toInstant());
				return null;
			})
			.list();
		return times;
	}

	private static String versionKey(String agencyId, String jobKey, Integer version) {
		return agencyId + '|' + jobKey + '|' + version;
	}

	private static Double millisSince(Instant from, Instant to) {
		return (from != null) ? Duration.between(from, to).toNanos() / 1e6 : null;
	}

	private record BucketKey(String stage, Instant minute, String agencyId,
			String topic) implements Comparable<BucketKey> {

		private static final Comparator<BucketKey> ORDER = Comparator.comparing(BucketKey::stage)
			.thenComparing(BucketKey::minute)
			.thenComparing(BucketKey::agencyId)
			.thenComparing(BucketKey::topic);

		@Override
		public int compareTo(BucketKey other) {
			return ORDER.compare(this, other);
		}

	}

	/**
	 * What one bucket of the batch adds: events, the latest event time, the latency
	 * counts.
	 */
	private static final class Bucket {

		private long processed;

		private Instant lastEventAt;

		private final long[] latency = new long[LatencyHistogram.BUCKETS];

		void add(Instant eventAt, Double latencyMillis) {
			this.processed++;
			this.lastEventAt = (this.lastEventAt == null || eventAt.isAfter(this.lastEventAt)) ? eventAt
					: this.lastEventAt;
			if (latencyMillis != null) {
				this.latency[LatencyHistogram.bucketOf(latencyMillis)]++;
			}
		}

		String latencyLiteral() {
			StringBuilder literal = new StringBuilder(LatencyHistogram.BUCKETS * 2 + 2).append('{');
			for (int i = 0; i < this.latency.length; i++) {
				literal.append((i > 0) ? "," : "").append(this.latency[i]);
			}
			return literal.append('}').toString();
		}

	}

}
