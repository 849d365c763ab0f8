package com.bidstream.platform.security;

import java.util.Optional;

import com.bidstream.contracts.AgencyIds;
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
	 * The agency whose data a list or report may read: a member's own, whatever it asks
	 * for; for an operator the one named by {@code agency=}, empty (a blank parameter
	 * too) meaning every agency. {@code X-Agency-Id} does not narrow an operator's reads:
	 * it names the agency writes act for.
	 */
	public Optional<String> readScope(String requestedAgency) {
		if (!isOperator()) {
			return Optional.of(this.agencyId);
		}
		return Optional.ofNullable(blankToNull(requestedAgency)).map(Caller::named);
	}

	/**
	 * An agency an operator named by {@code agency=}: 400 naming the parameter unless it
	 * is a valid agency id, as {@code X-Agency-Id} is refused (a bad name read as an
	 * agency without data).
	 */
	private static String named(String agency) {
		String named = agency.strip();
		if (!AgencyIds.isValid(named)) {
			throw ApiProblem.invalidField("agency", "must be " + AgencyIds.RULE);
		}
		return named;
	}

	/**
	 * The agency a single resource (one listing, one pursuit) is looked up in: a member's
	 * own; an operator must name it, by {@code agency=} or {@code X-Agency-Id} (400
	 * otherwise). When both name one, {@code agency=} is the one read: the contract has
	 * reads narrowed by {@code agency=} and writes named by {@code X-Agency-Id}.
	 */
	public String resourceAgency(String requestedAgency) {
		if (!isOperator()) {
			return this.agencyId;
		}
		String named = (blankToNull(requestedAgency) != null) ? named(requestedAgency) : this.actingAgencyId;
		if (named == null) {
			throw ApiProblem.badRequest("missing-agency",
					"An operator key reads one agency's resource only with an X-Agency-Id header or an agency parameter");
		}
		return named;
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

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
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
