package com.bidstream.reporting.health;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the stage buckets of one agency or of all. Windows, by bucket minute (the
 * current, partial minute included): {@code processed} over the last 24 hours,
 * {@code perMinute} the average of the last 5 minutes, latency over the last 15 minutes;
 * {@code lastEventAt} is the stage's latest event still kept (buckets are kept 8 days).
 */
@Component
class StageReader {

	static final Duration PROCESSED_WINDOW = Duration.ofHours(24);

	static final int RATE_MINUTES = 5;

	static final Duration LATENCY_WINDOW = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	StageReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<PipelineStage, StageFigures> read(Optional<String> agency, Instant now) {
		return read(agency, now, PROCESSED_WINDOW);
	}

	/**
	 * The figures, with {@code processed} counted over {@code processedWindow}.
	 */
	Map<PipelineStage, StageFigures> read(Optional<String> agency, Instant now, Duration processedWindow) {
		Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
		Instant rateSince = minute.minus(Duration.ofMinutes(RATE_MINUTES - 1));
		Instant latencySince = minute.minus(LATENCY_WINDOW).plus(Duration.ofMinutes(1));
		Instant since = earliest(minute.minus(processedWindow).plus(Duration.ofMinutes(1)), rateSince, latencySince);
		String inScope = agency.isPresent() ? "and agency_id = :agency" : "";
		Map<PipelineStage, StageFigures> figures = new EnumMap<>(PipelineStage.class);
		for (PipelineStage stage : PipelineStage.values()) {
			figures.put(stage, StageFigures.none(stage));
		}
		var windows = this.jdbc.sql("""
				select stage,
				       coalesce(sum(processed) filter (where minute >= :processedSince), 0) as processed,
				       coalesce(sum(processed) filter (where minute >= :rateSince), 0) as recent,
				       health_histogram_sum(latency) filter (where minute >= :latencySince) as latency
				  from health_buckets
				 where minute >= :since %s
				 group by stage
				""".formatted(inScope))
			.param("processedSince", at(minute.minus(processedWindow).plus(Duration.ofMinutes(1))))
			.param("rateSince", at(rateSince))
			.param("latencySince", at(latencySince))
			.param("since", at(since));
		agency.ifPresent((id) -> windows.param("agency", id));
		windows.query((rs, row) -> figures(rs)).list().forEach((figure) -> figures.put(figure.stage(), figure));
		var latest = this.jdbc.sql("""
				select s.stage,
				       (select max(b.last_event_at) from health_buckets b
				         where b.stage = s.stage %1$s
				           and b.minute = (select max(m.minute) from health_buckets m where m.stage = s.stage %2$s))
				         as last_event_at
				  from unnest(cast(:stages as text[])) as s(stage)
				""".formatted(inScope.replace("agency_id", "b.agency_id"), inScope.replace("agency_id", "m.agency_id")))
			.param("stages", Arrays.stream(PipelineStage.values()).map(PipelineStage::label).toArray(String[]::new));
		agency.ifPresent((id) -> latest.param("agency", id));
		latest.query((rs, row) -> {
			PipelineStage stage = PipelineStage.ofLabel(rs.getString("stage"));
			Timestamp at = rs.getTimestamp("last_event_at");
			StageFigures known = figures.get(stage);
			figures.put(stage, new StageFigures(stage, known.processed(), known.perMinute(),
					(at != null) ? at.toInstant() : null, known.p50(), known.p95(), known.p99()));
			return stage;
		}).list();
		return figures;
	}

	private static StageFigures figures(ResultSet rs) throws SQLException {
		long[] latency = longs(rs.getArray("latency"));
		return new StageFigures(PipelineStage.ofLabel(rs.getString("stage")), rs.getLong("processed"),
				rs.getLong("recent") / (double) RATE_MINUTES, null, LatencyHistogram.percentile(latency, 0.50),
				LatencyHistogram.percentile(latency, 0.95), LatencyHistogram.percentile(latency, 0.99));
	}

	private static long[] longs(Array array) throws SQLException {
		if (array == null) {
			return new long[0];
		}
		Object[] values = (Object[]) array.getArray();
		long[] counts = new long[values.length];
		for (int i = 0; i < values.length; i++) {
			counts[i] = (values[i] != null) ? ((Number) values[i]).longValue() : 0;
		}
		return counts;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant earliest(Instant... instants) {
		return Arrays.stream(instants).min(Instant::compareTo).orElseThrow();
	}

}
