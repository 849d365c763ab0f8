package com.bidstream.reporting.reports;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.BidstreamEvent;
import com.bidstream.contracts.ListingIngested;
import com.bidstream.contracts.ListingScored;
import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Outcome;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.jdbc.ColumnArrays;
import com.bidstream.reporting.funnel.FunnelDelta;
import com.bidstream.reporting.funnel.GroupBy;
import com.bidstream.reporting.funnel.ListingFunnel;
import com.bidstream.reporting.funnel.ListingKey;
import com.bidstream.reporting.funnel.Milestone;
import com.bidstream.reporting.funnel.PursuitStep;
import com.bidstream.reporting.funnel.ScoredListing;
import com.bidstream.reporting.intake.ReportingSink;

/**
 * Keeps the funnel as events arrive. After the event recorder stored a batch, each
 * listing the batch touched is counted again from its stored score, versions and pursuit
 * events (the same {@link ListingFunnel} rules as a count from scratch); where that
 * differs from what it added before, the old contribution leaves its cells and the new
 * one enters. Listings are locked in key order and cells written in key order, so the
 * three consumers of the reporting group never count one listing twice or deadlock.
 */
@Component
@Order(10)
class FunnelStore implements ReportingSink {

	private static final Comparator<ListingKey> KEY_ORDER = Comparator.comparing(ListingKey::agencyId)
		.thenComparing(ListingKey::jobKey);

	private final JdbcClient jdbc;

	private final Counter recounted;

	FunnelStore(JdbcClient jdbc, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.recounted = Counter.builder("bidstream.reporting.funnel.listings.recounted")
			.description("Listings whose funnel contribution changed and moved between cells")
			.register(meters);
	}

	@Override
	public void listingsIngested(List<ListingIngested> events) {
		refresh(keys(events));
	}

	@Override
	public void listingsScored(List<ListingScored> events) {
		refresh(keys(events));
	}

	@Override
	public void pursuitsAdvanced(List<PursuitAdvanced> events) {
		refresh(keys(events));
	}

	private static List<ListingKey> keys(List<? extends BidstreamEvent> events) {
		return events.stream().map((event) -> new ListingKey(event.agencyId(), event.jobKey())).toList();
	}

	/**
	 * Counts these listings again and moves what changed. Runs inside the caller's
	 * transaction, after their events were stored.
	 */
	void refresh(Collection<ListingKey> touched) {
		TreeSet<ListingKey> sorted = new TreeSet<>(KEY_ORDER);
		sorted.addAll(touched);
		if (sorted.isEmpty()) {
			return;
		}
		List<ListingKey> keys = new ArrayList<>(sorted);
		Map<ListingKey, ListingFunnel> before = lock(keys);
		Map<ListingKey, ListingState> states = states(keys);
		Map<ListingKey, List<PursuitStep>> steps = steps(keys);
		FunnelDelta delta = new FunnelDelta();
		List<ListingFunnel> changed = new ArrayList<>();
		for (ListingKey key : keys) {
			ListingState state = states.get(key);
			ListingFunnel now = ListingFunnel.of(key, (state != null) ? state.listing() : null,
					(state != null) ? state.cohortAt() : null, steps.getOrDefault(key, List.of()));
			ListingFunnel was = before.getOrDefault(key, ListingFunnel.notCounted(key));
			if (!now.sameAs(was)) {
				delta.remove(was);
				delta.add(now);
				changed.add(now);
			}
		}
		if (!changed.isEmpty()) {
			store(changed);
			writeCells(delta.cells());
			writeFacets(delta.facets());
			this.recounted.increment(changed.size());
		}
	}

	private Map<ListingKey, ListingFunnel> lock(List<ListingKey> keys) {
		Object[] columns = ColumnArrays.of(keys).text(ListingKey::agencyId).text(ListingKey::jobKey).values();
		this.jdbc.sql("""
				insert into funnel_listings (agency_id, job_key)
				select * from unnest(?::text[], ?::text[])
				on conflict (agency_id, job_key) do nothing
				""").params(columns).update();
		Map<ListingKey, ListingFunnel> funnels = new HashMap<>();
		this.jdbc.sql("""
				select f.* from funnel_listings f
				join unnest(?::text[], ?::text[]) k (agency_id, job_key)
				  on f.agency_id = k.agency_id and f.job_key = k.job_key
				order by f.agency_id collate "C", f.job_key collate "C"
				for update of f
				""").params(columns).query(FunnelStore::funnel).list().forEach((f) -> funnels.put(f.key(), f));
		return funnels;
	}

	private static ListingFunnel funnel(ResultSet rs, int row) throws SQLException {
		ListingKey key = new ListingKey(rs.getString("agency_id"), rs.getString("job_key"));
		if (!rs.getBoolean("counted")) {
			return ListingFunnel.notCounted(key);
		}
		Map<GroupBy, String> groups = new EnumMap<>(GroupBy.class);
		for (GroupBy groupBy : GroupBy.values()) {
			groups.put(groupBy, rs.getString(FunnelColumns.of(groupBy)));
		}
		String outcome = rs.getString("outcome");
		return new ListingFunnel(key, true, rs.getObject("cohort_at", OffsetDateTime.class).toInstant(),
				rs.getBoolean("no_hire"), groups, Milestone.values()[rs.getShort("reached")],
				(outcome != null) ? Outcome.valueOf(outcome) : null, rs.getString("loss_reason"),
				rs.getLong("connects"), rs.getBigDecimal("revenue"), (Integer) rs.getObject("reply_minutes"));
	}

	private record ListingState(ScoredListing listing, Instant cohortAt) {

	}

	private Map<ListingKey, ListingState> states(List<ListingKey> keys) {
		Map<ListingKey, ListingState> states = new HashMap<>();
		this.jdbc.sql("""
				select k.agency_id, k.job_key, s.segment, s.budget_band, coalesce(s.source, l.source) as source,
				       coalesce(s.category, l.category) as category, s.ai_work, s.ai_exposure,
				       case when l.latest_version > s.version then l.closed_result
				            else coalesce(s.closed_result, l.closed_result) end as closed_result,
				       coalesce(s.first_ingested_at, l.first_ingested_at) as cohort_at
				from unnest(?::text[], ?::text[]) k (agency_id, job_key)
				join listing_scores s on s.agency_id = k.agency_id and s.job_key = k.job_key
				left join listings l on l.agency_id = k.agency_id and l.job_key = k.job_key
				""")
			.params(ColumnArrays.of(keys).text(ListingKey::agencyId).text(ListingKey::jobKey).values())
			.query((rs, row) -> {
				ScoredListing listing = new ScoredListing(rs.getString("agency_id"), rs.getString("job_key"),
						rs.getString("segment"), rs.getString("budget_band"), rs.getString("source"),
						rs.getString("category"), rs.getBoolean("ai_work"), rs.getString("ai_exposure"),
						rs.getString("closed_result"));
				OffsetDateTime cohortAt = rs.getObject("cohort_at", OffsetDateTime.class);
				return new ListingState(listing, (cohortAt != null) ? cohortAt.toInstant() : null);
			})
			.list()
			.forEach((state) -> states.put(state.listing().key(), state));
		return states;
	}

	private Map<ListingKey, List<PursuitStep>> steps(List<ListingKey> keys) {
		Map<ListingKey, List<PursuitStep>> steps = new HashMap<>();
		this.jdbc.sql("""
				select e.event_id, e.agency_id, e.job_key, e.action, e.stage, e.outcome, e.freelancer_id, e.occurred_at,
				       e.connects_spent, e.contract_value, e.reason
				from unnest(?::text[], ?::text[]) k (agency_id, job_key)
				join pursuit_events e on e.agency_id = k.agency_id and e.job_key = k.job_key
				""")
			.params(ColumnArrays.of(keys).text(ListingKey::agencyId).text(ListingKey::jobKey).values())
			.query(FunnelStore::step)
			.list()
			.forEach((step) -> steps.computeIfAbsent(step.key(), (key) -> new ArrayList<>()).add(step));
		return steps;
	}

	static PursuitStep step(ResultSet rs, int row) throws SQLException {
		String stage = rs.getString("stage");
		String outcome = rs.getString("outcome");
		return new PursuitStep(rs.getObject("event_id", UUID.class), rs.getString("agency_id"), rs.getString("job_key"),
				Action.valueOf(rs.getString("action")), (stage != null) ? Stage.valueOf(stage) : null,
				(outcome != null) ? Outcome.valueOf(outcome) : null, rs.getString("freelancer_id"),
				rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), (Integer) rs.getObject("connects_spent"),
				rs.getBigDecimal("contract_value"), rs.getString("reason"));
	}

	private void store(List<ListingFunnel> changed) {
		this.jdbc.sql("""
				update funnel_listings f
				   set counted = n.counted, cohort_at = n.cohort_at, no_hire = n.no_hire, g_segment = n.g_segment,
				       g_budget_band = n.g_budget_band, g_source = n.g_source, g_freelancer = n.g_freelancer,
				       g_category = n.g_category, g_ai_work = n.g_ai_work, g_ai_exposure = n.g_ai_exposure,
				       reached = n.reached, outcome = n.outcome, loss_reason = n.loss_reason, connects = n.connects,
				       revenue = n.revenue, reply_minutes = n.reply_minutes
				  from unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[], ?::boolean[], ?::text[], ?::text[],
				              ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[],
				              ?::bigint[], ?::numeric[], ?::int[])
				       n (agency_id, job_key, counted, cohort_at, no_hire, g_segment, g_budget_band, g_source,
				          g_freelancer, g_category, g_ai_work, g_ai_exposure, reached, outcome, loss_reason, connects,
				          revenue, reply_minutes)
				 where f.agency_id = n.agency_id and f.job_key = n.job_key
				""")
			.params(ColumnArrays.of(changed)
				.text((f) -> f.key().agencyId())
				.text((f) -> f.key().jobKey())
				.bool(ListingFunnel::counted)
				.timestamp(ListingFunnel::cohortAt)
				.bool(ListingFunnel::noHire)
				.text((f) -> f.groups().get(GroupBy.SEGMENT))
				.text((f) -> f.groups().get(GroupBy.BUDGET_BAND))
				.text((f) -> f.groups().get(GroupBy.SOURCE))
				.text((f) -> f.groups().get(GroupBy.FREELANCER))
				.text((f) -> f.groups().get(GroupBy.CATEGORY))
				.text((f) -> f.groups().get(GroupBy.AI_WORK))
				.text((f) -> f.groups().get(GroupBy.AI_EXPOSURE))
				.integer((f) -> f.reached().ordinal())
				.text((f) -> (f.outcome() != null) ? f.outcome().name() : null)
				.text(ListingFunnel::lossReason)
				.bigint(ListingFunnel::connectsSpent)
				.decimal(ListingFunnel::revenue)
				.integer(ListingFunnel::replyMinutes)
				.values())
			.update();
	}

	private void writeCells(Map<FunnelDelta.Cell, FunnelDelta.Counts> cells) {
		if (cells.isEmpty()) {
			return;
		}
		List<Map.Entry<FunnelDelta.Cell, FunnelDelta.Counts>> rows = new ArrayList<>(cells.entrySet());
		ColumnArrays<Map.Entry<FunnelDelta.Cell, FunnelDelta.Counts>> columns = cellKeys(ColumnArrays.of(rows),
				Map.Entry::getKey);
		for (int i = 0; i < 11; i++) {
			int index = i;
			columns.bigint((entry) -> entry.getValue().get(index));
		}
		this.jdbc
			.sql("""
					insert into funnel_cells (dimension, span, agency_id, day, no_hire, grp, scored, queued, claimed,
					                          proposed, viewed, replied, interviewed, hired, lost, withdrawn, connects,
					                          revenue)
					select * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::boolean[], ?::text[], ?::bigint[],
					                     ?::bigint[],
					                     ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
					                     ?::bigint[], ?::bigint[], ?::bigint[], ?::numeric[])
					on conflict (dimension, span, agency_id, day, no_hire, grp) do update
					   set scored = funnel_cells.scored + excluded.scored, queued = funnel_cells.queued + excluded.queued,
					       claimed = funnel_cells.claimed + excluded.claimed,
					       proposed = funnel_cells.proposed + excluded.proposed,
					       viewed = funnel_cells.viewed + excluded.viewed, replied = funnel_cells.replied + excluded.replied,
					       interviewed = funnel_cells.interviewed + excluded.interviewed,
					       hired = funnel_cells.hired + excluded.hired, lost = funnel_cells.lost + excluded.lost,
					       withdrawn = funnel_cells.withdrawn + excluded.withdrawn,
					       connects = funnel_cells.connects + excluded.connects,
					       revenue = funnel_cells.revenue + excluded.revenue
					""")
			.params(columns.decimal((entry) -> entry.getValue().revenue()).values())
			.update();
	}

	private void writeFacets(Map<FunnelDelta.Facet, Long> facets) {
		if (facets.isEmpty()) {
			return;
		}
		List<Map.Entry<FunnelDelta.Facet, Long>> rows = new ArrayList<>(facets.entrySet());
		this.jdbc.sql("""
				insert into funnel_facets (dimension, span, agency_id, day, no_hire, grp, facet, value, listings)
				select * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::boolean[], ?::text[], ?::text[],
				                     ?::text[], ?::bigint[])
				on conflict (dimension, span, agency_id, day, no_hire, grp, facet, value) do update
				   set listings = funnel_facets.listings + excluded.listings
				""")
			.params(cellKeys(ColumnArrays.of(rows), (entry) -> entry.getKey().cell())
				.text((entry) -> entry.getKey().facet())
				.text((entry) -> entry.getKey().value())
				.bigint(Map.Entry::getValue)
				.values())
			.update();
	}

	private static <T> ColumnArrays<T> cellKeys(ColumnArrays<T> columns,
			java.util.function.Function<T, FunnelDelta.Cell> cell) {
		return columns.text((row) -> cell.apply(row).dimension())
			.text((row) -> cell.apply(row).span())
			.text((row) -> cell.apply(row).agencyId())
			.text((row) -> cell.apply(row).day().toString())
			.bool((row) -> cell.apply(row).noHire())
			.text((row) -> cell.apply(row).group());
	}

}
