package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * A freelancer of an agency's roster (contract section 4): {@code skills} they list,
 * {@code proof} (case studies, delivered work) that {@code proofMatch} weighs above
 * listed skills, {@code hourlyRate} (or null), {@code capacity} (open pursuits at most),
 * whether they take work at all, and {@code holding}: the jobKeys of the pursuits they
 * hold open now (claimed, not yet hired, lost or withdrawn).
 */
public record Freelancer(String id, String name, List<String> skills, List<String> proof, BigDecimal hourlyRate,
		int capacity, boolean active, Set<String> holding) {

	public Freelancer {
		skills = List.copyOf(skills);
		proof = List.copyOf(proof);
		holding = Set.copyOf(holding);
	}

	public int openPursuits() {
		return this.holding.size();
	}

	/** Active, with a capacity above 0. */
	public boolean takesWork() {
		return this.active && this.capacity > 0;
	}

	/** Whether they can take the pursuit of this listing: they hold it, or have room. */
	public boolean hasRoomFor(String jobKey) {
		return this.holding.contains(jobKey) || this.holding.size() < this.capacity;
	}

}
