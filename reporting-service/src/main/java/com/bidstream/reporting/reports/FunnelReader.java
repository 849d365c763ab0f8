package com.bidstream.reporting.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.bidstream.reporting.funnel.FunnelDelta;
import com.bidstream.reporting.funnel.GroupBy;
import com.bidstream.reporting.funnel.GroupTally;

/**
 * Reads a funnel from the kept cells: the whole UTC months of the period from month
 * cells, its other whole days from day cells ({@code funnel_cells} and
 * {@code funnel_facets}), the partial days at either end from the contributions of their
 * listings in {@code funnel_listings}. Every query is an indexed range whose size grows
 * with days and groups, not with listings or events.
 */
@Repository
class FunnelReader {

	private static final String CELL_COUNTS = "scored, queued, claimed, proposed, viewed, replied, interviewed, hired, "
			+ "lost, withdrawn, connects, revenue";

	private static final String LISTING_COUNTS = """
			1, (reached >= 1)::int, (reached >= 2)::int, (reached >= 3)::int, (reached >= 4)::int, (reached >= 5)::int,
			(reached >= 6)::int, (reached >= 7)::int, (outcome = 'LOST')::int, (outcome = 'WITHDRAWN')::int, connects,
			revenue""";

	private final JdbcClient jdbc;

	FunnelReader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return one tally per group with listings in the cohort, by group name
	 */
	Map<String, GroupTally> tallies(Optional<String> agency, GroupBy groupBy, ReportPeriod asked,
			boolean excludeNoHire) {
		ReportPeriod period = wholeDaysWhereSame(agency, asked);
		Span span = Span.of(period);
		String column = FunnelColumns.of(groupBy);
		String cells = " from funnel_cells where dimension = :dimension and ((span = 'month' and day >= :firstMonth"
				+ " and day < :afterMonth) or (span = 'day' and ((day >= :firstDay and day < :headDaysEnd)"
				+ " or (day >= :tailDaysStart and day < :afterDay))))" + filters(agency, excludeNoHire);
		String listings = " from funnel_listings where counted and ((cohort_at >= :from and cohort_at < :headEnd)"
				+ " or (cohort_at >= :tailStart and cohort_at < :to))" + filters(agency, excludeNoHire);
		Map<String, GroupTally> tallies = new TreeMap<>();
		statement(
				"select grp, " + sums() + " from (select grp, " + CELL_COUNTS + cells + " union all select " + column
						+ " as grp, " + LISTING_COUNTS + listings + ") t (grp, " + CELL_COUNTS + ") group by grp",
				agency, groupBy, period, span)
			.query((rs, row) -> {
				GroupTally tally = tallies.computeIfAbsent(rs.getString("grp"), GroupTally::new);
				long[] milestones = new long[GroupTally.COUNTED.length];
				for (int i = 0; i < milestones.length; i++) {
					milestones[i] = rs.getLong(3 + i);
				}
				tally.addCounts(rs.getLong("scored"), milestones, rs.getLong("lost"), rs.getLong("withdrawn"),
						rs.getLong("connects"), rs.getBigDecimal("revenue"));
				return tally;
			})
			.list();
		statement(
				"select grp, facet, value, sum(listings) as listings from (select grp, facet, value, listings"
						+ cells.replace("from funnel_cells", "from funnel_facets") + " union all select " + column
						+ ", '" + FunnelDelta.REPLY + "', reply_minutes::text, 1" + listings
						+ " and reply_minutes is not null" + " union all select " + column + ", '" + FunnelDelta.LOSS
						+ "', loss_reason, 1" + listings + " and loss_reason is not null) t group by grp, facet, value",
				agency, groupBy, period, span)
			.query((rs, row) -> {
				GroupTally tally = tallies.get(rs.getString("grp"));
				if (tally != null) {
					long listingsWith = rs.getLong("listings");
					if (FunnelDelta.REPLY.equals(rs.getString("facet"))) {
						tally.addReplyMinutes(Integer.parseInt(rs.getString("value")), listingsWith);
					}
					else {
						tally.addLossReason(rs.getString("value"), listingsWith);
					}
				}
				return rs.getString("grp");
			})
			.list();
		tallies.values().removeIf((tally) -> tally.scored() <= 0);
		return tallies;
	}

	/**
	 * The period with each partial end day taken whole where that counts the same: when
	 * no counted listing in scope has its cohort time in the part of that day outside the
	 * period. The day's cells then stand for its listings. A report without {@code to}
	 * ends now, and no listing is counted after now, so it reads today's cells rather
	 * than every listing of today: the dashboard's polls cost the same at any rate of
	 * intake.
	 */
	private ReportPeriod wholeDaysWhereSame(Optional<String> agency, ReportPeriod period) {
		Instant dayStart = LocalDate.ofInstant(period.from(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant toDay = LocalDate.ofInstant(period.to(), ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant dayEnd = toDay.equals(period.to()) ? toDay : toDay.plus(Duration.ofDays(1));
		Instant from = noneCounted(agency, dayStart, period.from()) ? dayStart : period.from();
		Instant to = noneCounted(agency, period.to(), dayEnd) ? dayEnd : period.to();
		return new ReportPeriod(from, to);
	}

	private boolean noneCounted(Optional<String> agency, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return true;
		}
		return !this.jdbc
			.sql("select exists (select 1 from funnel_listings where counted and cohort_at >= :from and cohort_at < :to"
					+ filters(agency, false) + ")")
			.param("from", from.atOffset(ZoneOffset.UTC))
			.param("to", to.atOffset(ZoneOffset.UTC))
			.params(agency.map((id) -> Map.<String, Object>of("agency", id)).orElse(Map.of()))
			.query(Boolean.class)
			.single();
	}

	private static String sums() {
		StringBuilder sums = new StringBuilder();
		for (String column : CELL_COUNTS.split(", ")) {
			sums.append((sums.length() > 0) ? ", " : "").append("sum(").append(column).append(") as ").append(column);
		}
		return sums.toString();
	}

	private static String filters(Optional<String> agency, boolean excludeNoHire) {
		return (agency.isPresent() ? " and agency_id = :agency" : "") + (excludeNoHire ? " and not no_hire" : "");
	}

	private JdbcClient.StatementSpec statement(String sql, Optional<String> agency, GroupBy groupBy,
			ReportPeriod period, Span span) {
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql)
			.param("dimension", groupBy.parameter())
			.param("firstMonth", span.firstMonth())
			.param("afterMonth", span.afterMonth())
			.param("firstDay", span.firstDay())
			.param("headDaysEnd", span.headDaysEnd())
			.param("tailDaysStart", span.tailDaysStart())
			.param("afterDay", span.afterDay())
			.param("from", period.from().atOffset(ZoneOffset.UTC))
			.param("headEnd", span.headEnd().atOffset(ZoneOffset.UTC))
			.param("tailStart", span.tailStart().atOffset(ZoneOffset.UTC))
			.param("to", period.to().atOffset(ZoneOffset.UTC));
		return agency.map((id) -> statement.param("agency", id)).orElse(statement);
	}

	/**
	 * How a period is read. The whole UTC months inside it
	 * {@code [firstMonth, afterMonth)} come from month cells; the whole days around them,
	 * {@code [firstDay, headDaysEnd)} and {@code [tailDaysStart, afterDay)}, from day
	 * cells; the partial days at either end, {@code [from, headEnd)} and
	 * {@code [tailStart, to)}, from the listings themselves. A period without a whole day
	 * is all head; one without a whole month reads days only.
	 */
	record Span(LocalDate firstMonth, LocalDate afterMonth, LocalDate firstDay, LocalDate headDaysEnd,
			LocalDate tailDaysStart, LocalDate afterDay, Instant headEnd, Instant tailStart) {

		static Span of(ReportPeriod period) {
			LocalDate fromDay = LocalDate.ofInstant(period.from(), ZoneOffset.UTC);
			LocalDate firstDay = startOf(fromDay).equals(period.from()) ? fromDay : fromDay.plusDays(1);
			LocalDate afterDay = LocalDate.ofInstant(period.to(), ZoneOffset.UTC);
			if (!firstDay.isBefore(afterDay)) {
				return new Span(firstDay, firstDay, firstDay, firstDay, firstDay, firstDay, period.to(), period.to());
			}
			LocalDate firstMonth = (firstDay.getDayOfMonth() == 1) ? firstDay
					: firstDay.withDayOfMonth(1).plusMonths(1);
			LocalDate afterMonth = afterDay.withDayOfMonth(1);
			Instant headEnd = startOf(firstDay);
			Instant tailStart = startOf(afterDay);
			if (!firstMonth.isBefore(afterMonth)) {
				return new Span(firstDay, firstDay, firstDay, afterDay, afterDay, afterDay, headEnd, tailStart);
			}
			return new Span(firstMonth, afterMonth, firstDay, firstMonth, afterMonth, afterDay, headEnd, tailStart);
		}

		private static Instant startOf(LocalDate day) {
			return day.atStartOfDay(ZoneOffset.UTC).toInstant();
		}

	}

}
