package com.bidstream.scoring.calibration;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.bidstream.contracts.PursuitAdvanced;
import com.bidstream.contracts.PursuitAdvanced.Action;
import com.bidstream.contracts.PursuitAdvanced.Stage;
import com.bidstream.platform.jdbc.ColumnArrays;

/**
 * Keeps what each pursuit reached ({@code outcomes}), a poll batch of
 * {@code pursuits.events} per statement: a stage reached implies the earlier ones, as the
 * contract counts them; {@code ended} is a LOST or WITHDRAWN outcome. Flags only turn
 * true.
 */
@Component
class Outcomes {

	private final JdbcClient jdbc;

	Outcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(List<PursuitAdvanced> events) {
		this.jdbc.sql("""
				insert into outcomes as o (agency_id, job_key, proposed, replied, hired, ended, updated_at, signals,
				                           score)
				select e.agency_id, e.job_key, bool_or(e.proposed), bool_or(e.replied), bool_or(e.hired),
				       bool_or(e.ended), now(),
				       (array_agg(s.signals) filter (where e.proposed and s.signals is not null))[1],
				       (array_agg(s.score) filter (where e.proposed and s.score is not null))[1]
				  from unnest(?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[])
				       e (agency_id, job_key, proposed, replied, hired, ended)
				  left join scores s on s.agency_id = e.agency_id and s.job_key = e.job_key
				 group by e.agency_id, e.job_key
				on conflict (agency_id, job_key) do update
				   set proposed = o.proposed or excluded.proposed, replied = o.replied or excluded.replied,
				       hired = o.hired or excluded.hired, ended = o.ended or excluded.ended,
				       updated_at = excluded.updated_at,
				       signals = coalesce(o.signals, excluded.signals), score = coalesce(o.score, excluded.score)
				""")
			.params(ColumnArrays.of(events)
				.text(PursuitAdvanced::agencyId)
				.text(PursuitAdvanced::jobKey)
				.bool((event) -> reached(event, Stage.PROPOSED) || event.action() == Action.PROPOSAL_SENT)
				.bool((event) -> reached(event, Stage.REPLIED) || event.action() == Action.REPLIED)
				.bool((event) -> reached(event, Stage.HIRED) || event.action() == Action.HIRED)
				.bool((event) -> event.outcome() != null)
				.values())
			.update();
	}

	private static boolean reached(PursuitAdvanced event, Stage stage) {
		return event.stage() != null && event.stage().ordinal() >= stage.ordinal();
	}

}
