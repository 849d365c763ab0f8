package com.bidstream.tracking.pursuits;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.tracking.funnel.FunnelConflict;

/**
 * Records the funnel events an agency reports, and reads its pursuits.
 */
@Service
class PursuitService {

	private final PursuitStore store;

	private final PursuitEventStore events;

	private final FunnelRecorder recorder;

	PursuitService(PursuitStore store, PursuitEventStore events, FunnelRecorder recorder) {
		this.store = store;
		this.events = events;
		this.recorder = recorder;
	}

	/**
	 * Records the event on the agency's pursuit. An event id seen before on the same
	 * pursuit is answered with the pursuit as it stands, and recorded nothing again; one
	 * the agency used on another of its pursuits is a conflict. Event ids are the
	 * agency's own: another agency's use of the same id is no concern of this one.
	 */
	@Transactional
	public Recorded record(String agencyId, String jobKey, EventCommand command) {
		Pursuit pursuit = this.store.lock(agencyId, jobKey).orElseThrow(() -> unknown(jobKey));
		if (command.eventId() != null) {
			var recordedOn = this.events.eventPursuit(agencyId, command.eventId());
			if (recordedOn.isPresent()) {
				if (!recordedOn.get().equals(jobKey)) {
					throw ApiProblem.conflict("event-id-reused",
							"The eventId " + command.eventId() + " was already used for another pursuit");
				}
				return new Recorded(view(pursuit), false);
			}
		}
		try {
			this.recorder.record(pursuit, command);
		}
		catch (FunnelConflict conflict) {
			throw ApiProblem.conflict(conflict.slug(), conflict.getMessage());
		}
		return new Recorded(view(this.store.find(agencyId, jobKey).orElseThrow()), true);
	}

	@Transactional(readOnly = true)
	public PursuitView find(String agencyId, String jobKey) {
		return view(this.store.find(agencyId, jobKey).orElseThrow(() -> unknown(jobKey)));
	}

	@Transactional(readOnly = true)
	public List<PursuitView> list(PursuitQuery query) {
		return this.store.list(query).stream().map(PursuitView::summary).toList();
	}

	@Transactional(readOnly = true)
	public List<PursuitView> lookup(String agencyId, List<String> jobKeys) {
		return this.store.lookup(agencyId, jobKeys).stream().map(PursuitView::summary).toList();
	}

	private PursuitView view(Pursuit pursuit) {
		return PursuitView.of(pursuit, this.events.history(pursuit.agencyId(), pursuit.jobKey()));
	}

	private static ApiProblem unknown(String jobKey) {
		return ApiProblem.notFound("No pursuit " + jobKey);
	}

	/**
	 * The pursuit after the call, and whether the event was new (false for a repeated
	 * event id).
	 */
	record Recorded(PursuitView pursuit, boolean created) {

	}

}
