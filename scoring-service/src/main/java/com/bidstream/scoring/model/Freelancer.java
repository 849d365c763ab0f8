package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A freelancer of an agency's roster (contract section 4): {@code skills} they list,
 * {@code proof} (case studies, delivered work) that {@code proofMatch} weighs above
 * listed skills, {@code hourlyRate} (or null), {@code capacity} (open pursuits at most),
 * whether they take work at all, and {@code openPursuits}: the pursuits they hold now
 * (claimed, not yet hired, lost or withdrawn).
 */
public record Freelancer(String id, String name, List<String> skills, List<String> proof, BigDecimal hourlyRate,
		int capacity, boolean active, int openPursuits) {

	public Freelancer {
		skills = List.copyOf(skills);
		proof = List.copyOf(proof);
	}

	/** Whether they can take one more pursuit. */
	public boolean hasRoom() {
		return this.openPursuits < this.capacity;
	}

}
