package com.bidstream.reporting.market;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.bidstream.reporting.market.MarketPeriodCells.Kept;

/**
 * Puts a market report together from its periods' cells. A whole period (every listing of
 * it in the window) is read from {@link MarketPeriodCells} while none of its listings was
 * written since it was computed, and computed from {@code market_listings} and kept
 * otherwise; a period the window cuts short is computed, unless the part cut off holds no
 * listing of the scope, which makes it whole. Cells are aggregated in one query: medians
 * by {@code percentile_cont}, shares from filtered counts. The period before the first
 * one shown is read too, for the first period's {@code listingsChange}.
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

	/**
	 * Groups in the order of their UTF-8 bytes, as PostgreSQL's {@code "C"} collation.
	 */
	private static final Comparator<String> CODE_POINTS = (a, b) -> {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int x = a.codePointAt(i);
			int y = b.codePointAt(j);
			if (x != y) {
				return Integer.compare(x, y);
			}
			i += Character.charCount(x);
			j += Character.charCount(y);
		}
		return Integer.compare(a.length() - i, b.length() - j);
	};

	private final JdbcClient jdbc;

	private final MarketPeriodCells kept;

	private final TransactionTemplate snapshot;

	MarketReader(JdbcClient jdbc, MarketPeriodCells kept, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.kept = kept;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setReadOnly(true);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	/**
	 * A period's part in a window: its listings with a period time in {@code [from, to)};
	 * {@code whole} when that is all of the period's.
	 */
	private record Span(LocalDate start, Instant from, Instant to, boolean whole) {

	}

	/**
	 * What a report read: each period's cells, and the whole periods it computed, to
	 * keep.
	 */
	private record Read(Map<LocalDate, List<MarketCell>> cells, Map<LocalDate, Kept> toKeep) {

	}

	/**
	 * Reads the edges, the write counts, the kept cells and what must be computed in one
	 * snapshot (a listing written meanwhile is then neither counted twice nor missed),
	 * then keeps what it computed.
	 * @param agency the agency to report on, empty for every agency
	 */
	List<MarketRow> rows(Optional<String> agency, MarketGroupBy groupBy, MarketWindow window) {
		Read read = this.snapshot.execute((status) -> read(agency, groupBy, window));
		this.kept.keep(agency, groupBy, window.interval(), read.toKeep());
		return assemble(window, read.cells());
	}

	private Read read(Optional<String> agency, MarketGroupBy groupBy, MarketWindow window) {
		MarketInterval interval = window.interval();
		List<Span> spans = spans(window).stream().map((span) -> wholeWhereSame(agency, span, interval)).toList();
		List<Span> whole = spans.stream().filter(Span::whole).toList();
		Map<LocalDate, List<MarketCell>> cells = new HashMap<>();
		List<Span> toCompute = new ArrayList<>(spans.stream().filter((span) -> !span.whole()).toList());
		Map<LocalDate, Long> changes = Map.of();
		if (!whole.isEmpty()) {
			changes = this.kept.changes(agency, interval, whole.get(0).start(), whole.get(whole.size() - 1).start());
			Map<LocalDate, Kept> kept = this.kept.kept(agency, groupBy, interval,
					whole.stream().map(Span::start).toList());
			for (Span span : whole) {
				Long now = changes.get(span.start());
				Kept period = kept.get(span.start());
				if (now == null) {
					cells.put(span.start(), List.of());
				}
				else if (period != null && period.changes() == now) {
					cells.put(span.start(), period.cells());
				}
				else {
					toCompute.add(span);
				}
			}
		}
		Map<LocalDate, List<MarketCell>> computed = compute(agency, groupBy, interval, toCompute);
		cells.putAll(computed);
		Map<LocalDate, Kept> toKeep = new HashMap<>();
		for (Span span : toCompute) {
			if (span.whole()) {
				toKeep.put(span.start(),
						new Kept(changes.get(span.start()), computed.getOrDefault(span.start(), List.of())));
			}
		}
		return new Read(cells, toKeep);
	}

	/**
	 * The same report computed from {@code market_listings} alone, every period of it:
	 * what {@link #rows} must always answer.
	 */
	List<MarketRow> rowsFromListings(Optional<String> agency, MarketGroupBy groupBy, MarketWindow window) {
		return assemble(window, compute(agency, groupBy, window.interval(), spans(window)));
	}

	/**
	 * The period before the first one shown (whole), then each period shown, the first
	 * and the last cut to the window.
	 */
	private static List<Span> spans(MarketWindow window) {
		MarketInterval interval = window.interval();
		List<Span> spans = new ArrayList<>();
		LocalDate previous = window.previousStart();
		spans.add(new Span(previous, MarketInterval.atStartOfDay(previous),
				MarketInterval.atStartOfDay(window.firstStart()), true));
		for (LocalDate start = window.firstStart(); MarketInterval.atStartOfDay(start)
			.isBefore(window.to()); start = interval.plus(start, 1)) {
			Instant periodFrom = MarketInterval.atStartOfDay(start);
			Instant periodTo = MarketInterval.atStartOfDay(interval.plus(start, 1));
			Instant from = periodFrom.isBefore(window.from()) ? window.from() : periodFrom;
			Instant to = periodTo.isAfter(window.to()) ? window.to() : periodTo;
			spans.add(new Span(start, from, to, from.equals(periodFrom) && to.equals(periodTo)));
		}
		return spans;
	}

	/**
	 * A span cut short counts as whole when the scope has no listing in the part of its
	 * period cut off: the default window, ending now, so reads the current period kept.
	 */
	private Span wholeWhereSame(Optional<String> agency, Span span, MarketInterval interval) {
		if (span.whole()) {
			return span;
		}
		Instant periodFrom = MarketInterval.atStartOfDay(span.start());
		Instant periodTo = MarketInterval.atStartOfDay(interval.plus(span.start(), 1));
		List<String> probes = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		for (Instant[] cut : List.of(new Instant[] { periodFrom, span.from() },
				new Instant[] { span.to(), periodTo })) {
			if (cut[0].isBefore(cut[1])) {
				probes.add("exists (select 1 from market_listings m where m.period_at >= ? and m.period_at < ?%s)"
					.formatted(agency.isPresent() ? " and m.agency_id = ?" : ""));
				params.add(cut[0].atOffset(ZoneOffset.UTC));
				params.add(cut[1].atOffset(ZoneOffset.UTC));
				agency.ifPresent(params::add);
			}
		}
		boolean cutOff = this.jdbc.sql("select " + String.join(" or ", probes))
			.params(params)
			.query(Boolean.class)
			.single();
		return cutOff ? span : new Span(span.start(), periodFrom, periodTo, true);
	}

	/**
	 * The cells of these spans, by period, in one query. The bounds of all spans are
	 * named in the {@code where} clause too, so that the planner reads only them by index
	 * rather than guessing how much of the table the spans' ranges cover.
	 */
	private Map<LocalDate, List<MarketCell>> compute(Optional<String> agency, MarketGroupBy groupBy,
			MarketInterval interval, List<Span> spans) {
		Map<LocalDate, List<MarketCell>> cells = new HashMap<>();
		if (spans.isEmpty()) {
			return cells;
		}
		String sql = """
				select r.period_start, %s as grp,
				       %s
				  from unnest(?::date[], ?::timestamptz[], ?::timestamptz[]) r (period_start, period_from, period_to)
				  join market_listings m on m.period_at >= r.period_from and m.period_at < r.period_to
				  %s
				 where m.period_at >= ? and m.period_at < ?%s
				 group by 1, 2
				""".formatted(groupBy.group(), FIGURES, groupBy.lateral(),
				agency.isPresent() ? " and m.agency_id = ?" : "");
		List<Object> params = new ArrayList<>(
				List.of(spans.stream().map((span) -> span.start().toString()).toArray(String[]::new),
						spans.stream().map((span) -> span.from().toString()).toArray(String[]::new),
						spans.stream().map((span) -> span.to().toString()).toArray(String[]::new),
						spans.stream().map(Span::from).min(Instant::compareTo).orElseThrow().atOffset(ZoneOffset.UTC),
						spans.stream().map(Span::to).max(Instant::compareTo).orElseThrow().atOffset(ZoneOffset.UTC)));
		agency.ifPresent(params::add);
		this.jdbc.sql(sql).params(params).query((rs) -> {
			cells.computeIfAbsent(rs.getObject("period_start", LocalDate.class), (start) -> new ArrayList<>())
				.add(cell(rs, rs.getString("grp")));
		});
		return cells;
	}

	/**
	 * The rows of the periods shown, by group (in the {@code "C"} collation's order) then
	 * period, each with its change against the group's previous period.
	 */
	private static List<MarketRow> assemble(MarketWindow window, Map<LocalDate, List<MarketCell>> cells) {
		MarketInterval interval = window.interval();
		Map<String, Map<LocalDate, MarketCell>> byGroup = new HashMap<>();
		cells.forEach((start, periodCells) -> periodCells
			.forEach((cell) -> byGroup.computeIfAbsent(cell.group(), (group) -> new HashMap<>()).put(start, cell)));
		List<MarketRow> rows = new ArrayList<>();
		byGroup.keySet().stream().sorted(CODE_POINTS).forEach((group) -> {
			Map<LocalDate, MarketCell> periods = byGroup.get(group);
			periods.keySet()
				.stream()
				.filter((start) -> !start.isBefore(window.firstStart()))
				.sorted()
				.forEach((start) -> {
					MarketCell previous = periods.get(interval.plus(start, -1));
					rows.add(periods.get(start)
						.row(interval.label(start), (previous != null) ? previous.listings() : null));
				});
		});
		return rows;
	}

	/**
	 * The market of one period (every agency): its listings and figures, no change.
	 */
	Optional<MarketRow> total(MarketInterval interval, LocalDate start) {
		String sql = "select %1$s".formatted(FIGURES) + """
				  from market_listings m
				 where m.period_at >= :from and m.period_at < :to
				having count(*) > 0
				""";
		return this.jdbc.sql(sql)
			.param("from", MarketInterval.atStartOfDay(start).atOffset(ZoneOffset.UTC))
			.param("to", MarketInterval.atStartOfDay(interval.plus(start, 1)).atOffset(ZoneOffset.UTC))
			.query((rs, row) -> cell(rs, "all").row(interval.label(start), null))
			.optional();
	}

	private static MarketCell cell(ResultSet rs, String group) throws SQLException {
		return new MarketCell(group, rs.getLong("listings"), rs.getObject("median_value", Double.class),
				rs.getLong("valued"), rs.getLong("under500"), rs.getLong("ai_work"), rs.getLong("automatable"),
				rs.getLong("human_critical"), rs.getObject("median_proposals", Double.class), rs.getLong("pursue"));
	}

}
