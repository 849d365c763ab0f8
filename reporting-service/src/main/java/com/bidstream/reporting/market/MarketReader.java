package com.bidstream.reporting.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Aggregates {@code market_listings} into a report's cells in one query: medians by
 * {@code percentile_cont}, shares from filtered counts, and each cell's change against
 * its group's previous period by {@code lag()}. The previous period before the first one
 * shown is read too, and dropped, so the first period has its change as well.
 */
@Repository
class MarketReader {

	static final String FIGURES = """
			count(*) as listings,
			percentile_cont(0.5) within group (order by m.estimated_value) as median_value,
			count(m.estimated_value) as valued,
			count(*) filter (where m.estimated_value < 500) as under500,
			count(*) filter (where m.ai_work) as ai_work,
			count(*) filter (where m.ai_exposure = 'AUTOMATABLE') as automatable,
			count(*) filter (where m.ai_exposure = 'HUMAN_CRITICAL') as human_critical,
			percentile_cont(0.5) within group (order by m.proposals) as median_proposals,
			count(*) filter (where m.decision = 'PURSUE') as pursue
			""";

	private final JdbcClient jdbc;

	MarketReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param agency the agency to report on, empty for every agency
	 */
	List<MarketRow> rows(Optional<String> agency, MarketGroupBy groupBy, MarketWindow window) {
		MarketInterval interval = window.interval();
		String sql = """
				with cells as (
				  select %s as grp, m.%s as period_start,
				         %s
				    from %s
				   where m.period_at >= :scanFrom and m.period_at < :to
				     and (m.period_at < :firstStart or m.period_at >= :from)%s
				   group by 1, 2
				), changes as (
				  select c.*,
				         case when lag(c.period_start) over w = (c.period_start - cast(:step as interval))::date
				              then lag(c.listings) over w end as previous_listings
				    from cells c
				  window w as (partition by c.grp order by c.period_start)
				)
				select * from changes where period_start >= :firstDay order by grp collate "C", period_start
				""".formatted(groupBy.group(), interval.column(), FIGURES, groupBy.source(),
				agency.isPresent() ? " and m.agency_id = :agency" : "");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("scanFrom", MarketInterval.atStartOfDay(window.previousStart()).atOffset(ZoneOffset.UTC))
			.param("firstStart", MarketInterval.atStartOfDay(window.firstStart()).atOffset(ZoneOffset.UTC))
			.param("firstDay", window.firstStart())
			.param("from", window.from().atOffset(ZoneOffset.UTC))
			.param("to", window.to().atOffset(ZoneOffset.UTC))
			.param("step", "1 " + interval.parameter());
		return agency.map((id) -> statement.param("agency", id))
			.orElse(statement)
			.query((rs, row) -> row(rs, interval))
			.list();
	}

	/**
	 * The market of one period (every agency): its listings and figures, no change.
	 */
	Optional<MarketRow> total(MarketInterval interval, LocalDate start) {
		String sql = "select :label as grp, m.%1$s as period_start, %2$s, null::bigint as previous_listings"
			.formatted(interval.column(), FIGURES) + """
					  from market_listings m
					 where m.period_at >= :from and m.period_at < :to
					 group by m.%s
					""".formatted(interval.column());
		return this.jdbc.sql(sql)
			.param("label", "all")
			.param("from", MarketInterval.atStartOfDay(start).atOffset(ZoneOffset.UTC))
			.param("to", MarketInterval.atStartOfDay(interval.plus(start, 1)).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> row(rs, interval))
			.optional();
	}

	private static MarketRow row(ResultSet rs, MarketInterval interval) throws SQLException {
		long listings = rs.getLong("listings");
		long valued = rs.getLong("valued");
		Long previous = rs.getObject("previous_listings", Long.class);
		return new MarketRow(rs.getString("grp"), interval.label(rs.getObject("period_start", LocalDate.class)),
				listings, rs.getObject("median_value", Double.class),
				(valued > 0) ? share(rs.getLong("under500"), valued) : null, share(rs.getLong("ai_work"), listings),
				share(rs.getLong("automatable"), listings), share(rs.getLong("human_critical"), listings),
				rs.getObject("median_proposals", Double.class), share(rs.getLong("pursue"), listings),
				(previous != null && previous > 0) ? (listings - previous) / (double) previous : null);
	}

	private static double share(long count, long of) {
		return (double) count / of;
	}

}
