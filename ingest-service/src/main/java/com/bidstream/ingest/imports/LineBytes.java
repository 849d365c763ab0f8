package com.bidstream.ingest.imports;

import java.util.Arrays;

/**
 * The bytes of one line (or CSV field), in an array reused from line to line that grows
 * to the longest, but never past {@code max} bytes: a longer line is marked
 * {@link #tooLong() too long} and the bytes past the limit are not kept, only whether
 * they hold anything but blanks. Not thread-safe: one per reader.
 */
final class LineBytes {

	private final int max;

	private byte[] bytes;

	private int length;

	private boolean tooLong;

	private boolean contentNotKept;

	LineBytes(int max) {
		this.max = max;
		this.bytes = new byte[Math.min(4096, max)];
	}

	void clear() {
		this.length = 0;
		this.tooLong = false;
		this.contentNotKept = false;
	}

	void append(byte[] source, int from, int count) {
		if (!this.tooLong && count <= this.max - this.length) {
			ensureRoom(count);
			System.arraycopy(source, from, this.bytes, this.length, count);
			this.length += count;
			return;
		}
		this.tooLong = true;
		if (!this.contentNotKept) {
			this.contentNotKept = hasContent(source, from, count);
		}
	}

	void append(int b) {
		if (!this.tooLong && this.length < this.max) {
			ensureRoom(1);
			this.bytes[this.length++] = (byte) b;
			return;
		}
		this.tooLong = true;
		this.contentNotKept |= !NdjsonRecords.isWhitespace(b);
	}

	private void ensureRoom(int count) {
		if (this.length + count > this.bytes.length) {
			int grown = (int) Math.min(Math.max(this.bytes.length * 2L, this.length + count), this.max);
			this.bytes = Arrays.copyOf(this.bytes, grown);
		}
	}

	byte[] bytes() {
		return this.bytes;
	}

	int length() {
		return this.length;
	}

	/**
	 * How many bytes the array holds: {@code max} at most.
	 */
	int capacity() {
		return this.bytes.length;
	}

	/**
	 * Whether more than {@code max} bytes were appended since the last clear; only the
	 * first ones are kept.
	 */
	boolean tooLong() {
		return this.tooLong;
	}

	/**
	 * Whether the line holds anything but blanks, its bytes not kept included.
	 */
	boolean hasContent() {
		return this.contentNotKept || hasContent(this.bytes, 0, this.length);
	}

	private static boolean hasContent(byte[] bytes, int from, int count) {
		for (int i = from; i < from + count; i++) {
			if (!NdjsonRecords.isWhitespace(bytes[i])) {
				return true;
			}
		}
		return false;
	}

}
