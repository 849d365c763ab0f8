package com.bidstream.platform.security;

import java.util.Optional;

import com.bidstream.platform.web.ApiProblem;

/**
 * Who is calling: the agency of a member key, or an operator and the agency it acts for
 * (from {@code X-Agency-Id}, may be null). Controllers take it as a parameter.
 */
public record Caller(Role role, String agencyId, String actingAgencyId) {

	public static Caller member(String agencyId) {
		return new Caller(Role.MEMBER, agencyId, null);
	}

	public static Caller operator(String actingAgencyId) {
		return new Caller(Role.OPERATOR, null, actingAgencyId);
	}

	public boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	/**
	 * The agency whose data a list or report may read: a member's own, or for an operator
	 * the one it asks for ({@code agency=} or {@code X-Agency-Id}), empty meaning every
	 * agency.
	 */
	public Optional<String> readScope(String requestedAgency) {
		if (!isOperator()) {
			return Optional.of(this.agencyId);
		}
		return Optional.ofNullable((requestedAgency != null) ? requestedAgency : this.actingAgencyId);
	}

	/**
	 * The agency a single resource (one listing, one pursuit) is looked up in. An
	 * operator must name it.
	 */
	public String resourceAgency(String requestedAgency) {
		return readScope(requestedAgency).orElseThrow(() -> ApiProblem.badRequest("missing-agency",
				"An operator key reads one agency's resource only with an X-Agency-Id header or an agency parameter"));
	}

	/**
	 * The agency a write acts for: a member's own, or the operator's {@code X-Agency-Id}
	 * (400 without one).
	 */
	public String writeAgency() {
		if (!isOperator()) {
			return this.agencyId;
		}
		if (this.actingAgencyId == null) {
			throw ApiProblem.badRequest("missing-agency",
					"An operator key writes only with an X-Agency-Id header naming the agency it acts for");
		}
		return this.actingAgencyId;
	}

	/**
	 * 403 unless an operator key is calling.
	 */
	public void requireOperator() {
		if (!isOperator()) {
			throw ApiProblem.forbidden("This endpoint needs an operator key");
		}
	}

}
