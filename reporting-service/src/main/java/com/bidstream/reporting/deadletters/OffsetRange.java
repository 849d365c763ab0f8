package com.bidstream.reporting.deadletters;

/**
 * The offsets a partition holds now: from {@code beginning} (inclusive) to {@code end}
 * (exclusive).
 */
record OffsetRange(long beginning, long end) {

	long count() {
		return Math.max(0, this.end - this.beginning);
	}

	boolean contains(long offset) {
		return offset >= this.beginning && offset < this.end;
	}

	/**
	 * The last {@code count} offsets of the range at most.
	 */
	OffsetRange last(int count) {
		return new OffsetRange(Math.max(this.beginning, this.end - count), this.end);
	}

}
