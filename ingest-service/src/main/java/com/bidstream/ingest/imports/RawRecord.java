package com.bidstream.ingest.imports;

import tools.jackson.databind.JsonNode;

/**
 * One record of an import file: the line it starts on, its fields (null when it could not
 * be read: {@code problem} then says why, and {@code field} names where, {@code $} for
 * the record as a whole), and the byte offset and line just after it, where a resumed
 * import goes on.
 */
record RawRecord(long line, JsonNode fields, String field, String problem, long endOffset, long nextLine) {

	RawRecord(long line, JsonNode fields, String problem, long endOffset, long nextLine) {
		this(line, fields, "$", problem, endOffset, nextLine);
	}

}
