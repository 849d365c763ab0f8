package com.bidstream.ingest.imports;

import java.io.IOException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.DuplicateNames;

/**
 * NDJSON: one JSON object per line; blank lines are skipped. A line over
 * {@link RecordReader#MAX_RECORD_BYTES} is read to its end without being kept, and is an
 * unreadable record (a blank one is skipped, as any blank line). So is a line that is not
 * UTF-8 ({@link Utf8}; the spooled file is UTF-8 whatever charset the upload declared).
 */
final class NdjsonRecords implements RecordReader {

	private static final ObjectReader JSON = EventCodec.mapper()
		.reader()
		.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

	private final ByteCursor cursor;

	private final LineBytes line = new LineBytes(MAX_RECORD_BYTES);

	private long lineNumber;

	NdjsonRecords(ByteCursor cursor, long lineNumber) throws IOException {
		this.cursor = cursor;
		this.lineNumber = lineNumber;
		cursor.skipByteOrderMark();
	}

	@Override
	public RawRecord next() throws IOException {
		while (this.cursor.readLine(this.line)) {
			long start = this.lineNumber++;
			if (this.line.hasContent()) {
				if (this.line.tooLong()) {
					return new RawRecord(start, null, TOO_LONG, this.cursor.offset(), this.lineNumber);
				}
				return parse(start);
			}
		}
		return null;
	}

	private RawRecord parse(long start) {
		if (!Utf8.isValid(this.line.bytes(), 0, this.line.length())) {
			return new RawRecord(start, null, "is not readable: the line " + NOT_TEXT, this.cursor.offset(),
					this.lineNumber);
		}
		try {
			JsonNode fields = JSON.readTree(this.line.bytes(), 0, this.line.length());
			return new RawRecord(start, fields, null, this.cursor.offset(), this.lineNumber);
		}
		catch (JacksonException ex) {
			String problem = DuplicateNames.of(ex)
				.map((name) -> "is not readable JSON: it names \"" + name + "\" twice in one object")
				.orElse("is not readable JSON");
			return new RawRecord(start, null, problem, this.cursor.offset(), this.lineNumber);
		}
	}

	/**
	 * How many bytes the buffer a line is read into holds (it grows to the longest line
	 * read, up to {@link RecordReader#MAX_RECORD_BYTES}).
	 */
	int bufferCapacity() {
		return this.line.capacity();
	}

	static boolean isWhitespace(int b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	@Override
	public void close() throws IOException {
		this.cursor.close();
	}

}
