package com.bidstream.ingest.imports;

import java.io.IOException;

/**
 * The records of an import file, one after another from a byte offset.
 * <p>
 * A record is at most {@link #MAX_RECORD_BYTES} bytes: a longer one is returned as
 * unreadable ({@link #TOO_LONG}) on the line it starts on, its bytes scanned to its end
 * without being kept, and the records after it are read as usual. It is still one record,
 * so {@link RecordCounter} counts records without regard to their length.
 */
interface RecordReader extends ReadAhead.Source<RawRecord> {

	/**
	 * The most bytes a record may take in the file (its final {@code '\n'} excluded), so
	 * that the longest record, not the file, bounds what a reader holds. 1 MiB is twice
	 * the 512 KiB a valid listing may take as JSON
	 * ({@code ListingValidator.MAX_ENCODED_BYTES}), and above a valid listing's fields
	 * however they are written: its texts hold at most about 63,000 characters (a
	 * description of 50,000, a title of 300, 100 skills of 100, a URL of 2,048, the short
	 * texts of 200), under 800,000 bytes even with each written as a JSON escaped
	 * surrogate pair of 12 bytes. Only unknown fields (the validator ignores them) or
	 * padding could make a valid listing's record longer. (The REST intake reads bodies
	 * of up to 10 MiB, but of up to 1,000 listings.)
	 */
	int MAX_RECORD_BYTES = 1024 * 1024;

	/**
	 * Why a record over {@link #MAX_RECORD_BYTES} is not read.
	 */
	String TOO_LONG = "is longer than 1 MiB (1,048,576 bytes), the most an import reads of one record; "
			+ "a valid listing takes at most 512 KiB as JSON";

	/**
	 * Why a record holding bytes that are not text in the import's charset is not read
	 * (it is never stored with U+FFFD in their place); its reader says where they are.
	 */
	String NOT_TEXT = "holds bytes that are not text in the import's charset (UTF-8, unless Content-Type names "
			+ "another, such as charset=ISO-8859-1)";

	/**
	 * The next record, or null at the end of the file.
	 */
	@Override
	RawRecord next() throws IOException;

	@Override
	void close() throws IOException;

}
