package com.bidstream.tracking.funnel;

/**
 * An event the pursuit's current state does not allow (a second freelancer's claim, any
 * event after the pursuit closed, a release by someone who does not hold it). The message
 * says why, in words a user can act on.
 */
public class FunnelConflict extends RuntimeException {

	private final String slug;

	FunnelConflict(String slug, String reason) {
		super(reason);
		this.slug = slug;
	}

	/**
	 * A short name of the kind of conflict ({@code held-by-another}, {@code closed},
	 * {@code not-holder}).
	 */
	public String slug() {
		return this.slug;
	}

}
