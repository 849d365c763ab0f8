package com.bidstream.scoring.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A freelancer as the API answers it: the contract's fields, with the {@code id},
 * {@code agencyId}, the pursuits they hold open now (against {@code capacity}) and when
 * it last changed.
 */
record FreelancerView(String id, String agencyId, String name, List<String> skills, List<String> proof,
		@Nullable BigDecimal hourlyRate, int capacity, boolean active, int openPursuits, Instant updatedAt) {

}
