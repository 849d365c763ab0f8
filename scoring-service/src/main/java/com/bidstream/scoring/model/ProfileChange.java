package com.bidstream.scoring.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a {@code PUT /api/v1/profile} asks to change; a null part (or a weight left out)
 * keeps the current value. Values are unchecked until {@link ProfileEdit} applies them.
 */
public record ProfileChange(Map<String, BigDecimal> weights, BigDecimal pursue, BigDecimal review,
		BigDecimal fixedBudgetFloor, BigDecimal hourlyRateFloor, List<String> redFlagTerms, BigDecimal enterprise,
		BigDecimal established) {

	public static ProfileChange none() {
		return new ProfileChange(null, null, null, null, null, null, null, null);
	}

}
