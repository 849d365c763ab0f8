package com.bidstream.ingest.feeds;

import com.bidstream.ingest.intake.IntakeReport;

/**
 * What a feed's {@code lastError} says of the items the intake rejected, polled or pushed
 * alike: how many of how many, and the first one's field and message.
 */
final class ItemRejections {

	private long rejected;

	private long items;

	private String first;

	void add(IntakeReport report, int items) {
		this.items += items;
		this.rejected += report.rejected().size();
		if (this.first == null && !report.rejected().isEmpty()) {
			var rejection = report.rejected().get(0);
			this.first = "item " + rejection.position() + ": " + rejection.errors().get(0).field() + " "
					+ rejection.errors().get(0).message();
		}
	}

	long rejected() {
		return this.rejected;
	}

	/**
	 * Whether there were items and the intake took none: a feed whose every item is
	 * rejected (a mapping that leaves out a required field) brings nothing, and reading
	 * as OK it went unnoticed, poll after poll.
	 */
	boolean everyItem() {
		return this.items > 0 && this.rejected == this.items;
	}

	/**
	 * The problem to record, or null when every item was taken.
	 */
	String problem() {
		return (this.rejected > 0) ? this.rejected + " of " + this.items + " items rejected; first, " + this.first
				: null;
	}

}
