package com.bidstream.ingest.imports;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a spooled file byte by byte through a buffer, knowing the offset of the next byte
 * and able to peek at it. The formats' separators ({@code , " \r \n}) are ASCII, which
 * never occurs inside a multi-byte UTF-8 sequence, so records can be split on bytes and
 * each field decoded on its own.
 */
final class ByteCursor implements AutoCloseable {

	private final InputStream in;

	private final byte[] buffer = new byte[64 * 1024];

	private int position;

	private int limit;

	private long offset;

	ByteCursor(InputStream in, long offset) {
		this.in = in;
		this.offset = offset;
	}

	/**
	 * The next byte (0-255), or -1 at the end.
	 */
	int read() throws IOException {
		int next = peek();
		if (next >= 0) {
			this.position++;
			this.offset++;
		}
		return next;
	}

	/**
	 * Reads the bytes up to the next {@code '\n'} (read, not kept) or the end of the file
	 * into {@code line}, which keeps no more than its limit of a longer line (see
	 * {@link LineBytes#tooLong()}), so that a line of any length is read to its end in
	 * bounded memory; false at the end of the file, when there was nothing left to read.
	 * Scans the buffer in bulk: a byte at a time, a file of a gigabyte took seconds.
	 */
	boolean readLine(LineBytes line) throws IOException {
		line.clear();
		if (peek() < 0) {
			return false;
		}
		while (peek() >= 0) {
			int start = this.position;
			int end = start;
			while (end < this.limit && this.buffer[end] != '\n') {
				end++;
			}
			line.append(this.buffer, start, end - start);
			this.offset += end - start;
			this.position = end;
			if (end < this.limit) {
				this.position++;
				this.offset++;
				return true;
			}
		}
		return true;
	}

	int peek() throws IOException {
		if (this.position == this.limit) {
			this.limit = Math.max(this.in.read(this.buffer), 0);
			this.position = 0;
			if (this.limit == 0) {
				return -1;
			}
		}
		return this.buffer[this.position] & 0xFF;
	}

	/**
	 * Skips a UTF-8 byte order mark at the start of the file.
	 */
	void skipByteOrderMark() throws IOException {
		if (this.offset == 0 && peek() == 0xEF) {
			read();
			read();
			read();
		}
	}

	long offset() {
		return this.offset;
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
