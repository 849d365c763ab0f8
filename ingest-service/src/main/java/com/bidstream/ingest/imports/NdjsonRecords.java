package com.bidstream.ingest.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import com.bidstream.contracts.EventCodec;

/**
 * NDJSON: one JSON object per line; blank lines are skipped.
 */
final class NdjsonRecords implements RecordReader {

	private static final ObjectReader JSON = EventCodec.mapper()
		.reader()
		.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private final ByteCursor cursor;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream(2048);

	private long lineNumber;

	NdjsonRecords(ByteCursor cursor, long lineNumber) throws IOException {
		this.cursor = cursor;
		this.lineNumber = lineNumber;
		cursor.skipByteOrderMark();
	}

	@Override
	public RawRecord next() throws IOException {
		while (true) {
			this.line.reset();
			int b = this.cursor.read();
			if (b < 0) {
				return null;
			}
			boolean content = false;
			while (b >= 0 && b != '\n') {
				content |= !isWhitespace(b);
				this.line.write(b);
				b = this.cursor.read();
			}
			long start = this.lineNumber++;
			if (content) {
				return parse(start);
			}
		}
	}

	private RawRecord parse(long start) {
		try {
			JsonNode fields = JSON.readTree(this.line.toByteArray());
			return new RawRecord(start, fields, null, this.cursor.offset(), this.lineNumber);
		}
		catch (JacksonException ex) {
			return new RawRecord(start, null, "is not readable JSON", this.cursor.offset(), this.lineNumber);
		}
	}

	static boolean isWhitespace(int b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	@Override
	public void close() throws IOException {
		this.cursor.close();
	}

}
