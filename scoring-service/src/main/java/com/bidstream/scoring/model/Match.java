package com.bidstream.scoring.model;

import java.util.List;

/**
 * A freelancer of the roster who fits a listing: {@code fit} in 0..1, and why.
 */
public record Match(String freelancerId, double fit, List<String> reasons) {

	public Match {
		reasons = List.copyOf(reasons);
	}

}
