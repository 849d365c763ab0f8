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
				insert into outcomes as o (agency_id, job_key, proposed, replied, hired, ended, updated_at)
				select agency_id, job_key, bool_or(proposed), bool_or(replied), bool_or(hired), bool_or(ended), now()
				  from unnest(?::text[], ?::text[], ?::boolean[], ?::boolean[], ?::boolean[], ?::boolean[])
				       e (agency_id, job_key, proposed, replied, hired, ended)
				 group by agency_id, job_key
				on conflict (agency_id, job_key) do update
				   set proposed = o.proposed or excluded.proposed, replied = o.replied or excluded.replied,
				       hired = o.hired or excluded.hired, ended = o.ended or excluded.ended,
				       updated_at = excluded.updated_at
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
