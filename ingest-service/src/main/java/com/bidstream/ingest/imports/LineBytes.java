package com.bidstream.ingest.imports;

import java.util.Arrays;

/**
 * The bytes of one line, in an array reused from line to line that grows to the longest.
 * Not thread-safe: one per reader.
 */
final class LineBytes {

	private byte[] bytes = new byte[4096];

	private int length;

	void clear() {
		this.length = 0;
	}

	void append(byte[] source, int from, int count) {
		if (this.length + count > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + count));
		}
		System.arraycopy(source, from, this.bytes, this.length, count);
		this.length += count;
	}

	byte[] bytes() {
		return this.bytes;
	}

	int length() {
		return this.length;
	}

	/**
	 * Whether the line holds anything but blanks.
	 */
	boolean hasContent() {
		for (int i = 0; i < this.length; i++) {
			if (!NdjsonRecords.isWhitespace(this.bytes[i])) {
				return true;
			}
		}
		return false;
	}

}
