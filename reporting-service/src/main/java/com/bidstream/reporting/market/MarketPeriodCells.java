package com.bidstream.reporting.market;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.contracts.EventCodec;

/**
 * Whole periods of market reports, kept once computed ({@code market_period_cells}), and
 * how often each period's listings were written since the table began
 * ({@code market_period_changes}, kept by triggers on {@code market_listings}). A kept
 * period is current when the count it was computed at is the count now; counts only grow.
 */
@Repository
class MarketPeriodCells {

	private static final TypeReference<List<MarketCell>> CELLS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	MarketPeriodCells(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A kept period: its cells, computed when its listings had been written
	 * {@code changes} times.
	 */
	record Kept(long changes, List<MarketCell> cells) {

	}

	/**
	 * The writes counted so far in each period from {@code first} to {@code last} that
	 * had any: one agency's, or every agency's summed. A period missing from the answer
	 * never held a listing.
	 */
	Map<LocalDate, Long> changes(Optional<String> agency, MarketInterval interval, LocalDate first, LocalDate last) {
		String sql = """
				select period_start, sum(changes) as changes
				  from market_period_changes
				 where period_interval = :interval and period_start between :first and :last%s
				 group by period_start
				""".formatted(agency.isPresent() ? " and agency_id = :agency" : "");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("interval", interval.parameter())
			.param("first", Date.valueOf(first))
			.param("last", Date.valueOf(last));
		Map<LocalDate, Long> changes = new HashMap<>();
		agency.map((id) -> statement.param("agency", id)).orElse(statement).query((rs) -> {
			changes.put(rs.getObject("period_start", LocalDate.class), rs.getLong("changes"));
		});
		return changes;
	}

	Map<LocalDate, Kept> kept(Optional<String> agency, MarketGroupBy groupBy, MarketInterval interval,
			List<LocalDate> starts) {
		Map<LocalDate, Kept> kept = new HashMap<>();
		this.jdbc.sql("""
				select period_start, changes, cells::text as cells
				  from market_period_cells
				 where scope = ? and group_by = ? and period_interval = ? and period_start = any(?::date[])
				""")
			.params(scope(agency), groupBy.parameter(), interval.parameter(),
					starts.stream().map(LocalDate::toString).toArray(String[]::new))
			.query((rs) -> {
				kept.put(rs.getObject("period_start", LocalDate.class),
						new Kept(rs.getLong("changes"), EventCodec.mapper().readValue(rs.getString("cells"), CELLS)));
			});
		return kept;
	}

	/**
	 * Keeps these periods' cells, unless a report that saw more writes kept them already.
	 */
	void keep(Optional<String> agency, MarketGroupBy groupBy, MarketInterval interval, Map<LocalDate, Kept> periods) {
		if (periods.isEmpty()) {
			return;
		}
		List<Map.Entry<LocalDate, Kept>> rows = periods.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
		this.jdbc.sql("""
				insert into market_period_cells (scope, group_by, period_interval, period_start, changes, cells)
				select ?, ?, ?, k.period_start, k.changes, k.cells
				  from unnest(?::date[], ?::bigint[], ?::jsonb[]) k (period_start, changes, cells)
				on conflict (scope, group_by, period_interval, period_start) do update
				   set changes = excluded.changes, cells = excluded.cells, computed_at = now()
				 where excluded.changes >= market_period_cells.changes
				""")
			.params(scope(agency), groupBy.parameter(), interval.parameter(),
					rows.stream().map((row) -> row.getKey().toString()).toArray(String[]::new),
					rows.stream().map((row) -> row.getValue().changes()).toArray(Long[]::new),
					rows.stream().map((row) -> EventCodec.toJson(row.getValue().cells())).toArray(String[]::new))
			.update();
	}

	/** An agency's id, or the empty string (never an agency's id) for every agency. */
	private static String scope(Optional<String> agency) {
		return agency.orElse("");
	}

}
