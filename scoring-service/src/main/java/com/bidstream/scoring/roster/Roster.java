package com.bidstream.scoring.roster;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JavaType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.scoring.model.Freelancer;

/**
 * The agencies' freelancer rosters. A change applies to the listings scored after it:
 * scores already stored keep the matches they were made with.
 */
@Service
public class Roster {

	/**
	 * A roster is a team, not a directory: an agency holds at most this many freelancers
	 * (each is matched against every listing it scores).
	 */
	static final int MAX_LISTED = 500;

	/** An operator's list of every agency's freelancers shows this many at most. */
	static final int MAX_LISTED_ALL = 10_000;

	/** A freelancer created without a capacity takes this many open pursuits. */
	static final int DEFAULT_CAPACITY = 5;

	private static final JavaType STRINGS = EventCodec.mapper()
		.getTypeFactory()
		.constructCollectionType(List.class, String.class);

	/**
	 * A freelancer with the jobKeys of the pursuits they hold open now
	 * ({@link Workload}), but for listings closed on the marketplace: tracking does not
	 * end those pursuits, and nobody works on them any more.
	 */
	private static final String COLUMNS = "select agency_id, freelancer_id, name, skills, proof, hourly_rate, "
			+ "capacity, active, updated_at, array(select h.job_key from pursuit_holders h "
			+ "where h.agency_id = f.agency_id and h.freelancer_id = f.freelancer_id and h.open "
			+ "and not exists (select 1 from scores s where s.agency_id = h.agency_id and s.job_key = h.job_key "
			+ "and s.closed)) as holding from freelancers f ";

	private final JdbcClient jdbc;

	private final Clock clock;

	Roster(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The agency's active freelancers, as the scorer matches them.
	 */
	public List<Freelancer> active(String agencyId) {
		return this.jdbc.sql(COLUMNS + "where agency_id = ? and active order by freelancer_id limit " + MAX_LISTED)
			.param(agencyId)
			.query(Roster::freelancer)
			.list();
	}

	List<FreelancerView> list(Optional<String> agencyId) {
		return agencyId
			.map((agency) -> this.jdbc.sql(COLUMNS + "where agency_id = ? order by freelancer_id limit " + MAX_LISTED)
				.param(agency))
			.orElseGet(() -> this.jdbc.sql(COLUMNS + "order by agency_id, freelancer_id limit " + MAX_LISTED_ALL))
			.query(Roster::view)
			.list();
	}

	Optional<FreelancerView> find(String agencyId, String id) {
		return this.jdbc.sql(COLUMNS + "where agency_id = ? and freelancer_id = ?")
			.params(agencyId, id)
			.query(Roster::view)
			.optional();
	}

	/**
	 * Creates or changes a freelancer, one change of the agency's roster at a time; what
	 * the change leaves out keeps its value (400 naming {@code name} for a new freelancer
	 * without one).
	 */
	@Transactional
	Saved put(String agencyId, String id, FreelancerRequest.Change change) {
		// a row lock cannot hold a freelancer not created yet (two first PUTs at once
		// would each create it from nothing, and one would wipe the other's fields), nor
		// the roster's count (two new freelancers at once would each find room for one):
		// an advisory lock on the agency serializes its roster's changes, which are rare;
		// a PUT waits for it at most 5 s (then 503 database-busy), so a burst of them
		// cannot hold the pool's connections from the consumers for long
		this.jdbc.sql("set local lock_timeout = '5s'").update();
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('roster|' || ?, 0))")
			.params(agencyId)
			.query((rs, row) -> 0)
			.list();
		Optional<FreelancerView> current = this.jdbc
			.sql(COLUMNS + "where agency_id = ? and freelancer_id = ? for update of f")
			.params(agencyId, id)
			.query(Roster::view)
			.optional();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		FreelancerView was = current.orElse(null);
		if (was == null && change.name() == null) {
			throw ApiProblem.invalidField("name", "is required for a new freelancer");
		}
		if (was == null && this.jdbc.sql("select count(*) from freelancers where agency_id = ?")
			.param(agencyId)
			.query(Integer.class)
			.single() >= MAX_LISTED) {
			throw ApiProblem.conflict("roster-full", "An agency's roster holds at most " + MAX_LISTED
					+ " freelancers; set one inactive and change it, or ask for more");
		}
		FreelancerView next = new FreelancerView(id, agencyId, (change.name() != null) ? change.name() : was.name(),
				(change.skills() != null) ? change.skills() : (was != null) ? was.skills() : List.of(),
				(change.proof() != null) ? change.proof() : (was != null) ? was.proof() : List.of(),
				change.setsRate() ? change.hourlyRate() : (was != null) ? was.hourlyRate() : null,
				(change.capacity() != null) ? change.capacity() : (was != null) ? was.capacity() : DEFAULT_CAPACITY,
				(change.active() != null) ? change.active() : (was == null || was.active()), 0, now);
		this.jdbc.sql("""
				insert into freelancers (agency_id, freelancer_id, name, skills, proof, hourly_rate, capacity, active,
				                         updated_at)
				values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?)
				on conflict (agency_id, freelancer_id) do update
				   set name = excluded.name, skills = excluded.skills, proof = excluded.proof,
				       hourly_rate = excluded.hourly_rate, capacity = excluded.capacity, active = excluded.active,
				       updated_at = excluded.updated_at
				""")
			.params(agencyId, id, next.name(), EventCodec.toJson(next.skills()), EventCodec.toJson(next.proof()),
					next.hourlyRate(), next.capacity(), next.active(), java.sql.Timestamp.from(now))
			.update();
		// read back: with the pursuits they hold, which may precede their place on the
		// roster
		return new Saved(find(agencyId, id).orElse(next), current.isEmpty());
	}

	record Saved(FreelancerView freelancer, boolean created) {

	}

	private static FreelancerView view(ResultSet rs, int row) throws SQLException {
		BigDecimal rate = rs.getBigDecimal("hourly_rate");
		return new FreelancerView(rs.getString("freelancer_id"), rs.getString("agency_id"), rs.getString("name"),
				EventCodec.mapper().readValue(rs.getString("skills"), STRINGS),
				EventCodec.mapper().readValue(rs.getString("proof"), STRINGS), rate, rs.getInt("capacity"),
				rs.getBoolean("active"), holding(rs).size(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Freelancer freelancer(ResultSet rs, int row) throws SQLException {
		FreelancerView view = view(rs, row);
		return new Freelancer(view.id(), view.name(), view.skills(), view.proof(), view.hourlyRate(), view.capacity(),
				view.active(), holding(rs));
	}

	private static Set<String> holding(ResultSet rs) throws SQLException {
		return Set.of((String[]) rs.getArray("holding").getArray());
	}

}
