package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A freelancer of an agency's roster (contract section 4): {@code skills} they list,
 * {@code proof} (case studies, delivered work) that {@code proofMatch} weighs above
 * listed skills, {@code capacity} (open pursuits at most) and whether they take work at
 * all.
 */
public record Freelancer(String id, String name, List<String> skills, List<String> proof, BigDecimal hourlyRate,
		int capacity, boolean active) {

	public Freelancer {
		skills = List.copyOf(skills);
		proof = List.copyOf(proof);
	}

}
