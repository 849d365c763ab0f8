package com.bidstream.ingest.imports;

import java.io.IOException;

/**
 * The records of an import file, one after another from a byte offset.
 */
interface RecordReader extends ReadAhead.Source<RawRecord> {

	/**
	 * The next record, or null at the end of the file.
	 */
	@Override
	RawRecord next() throws IOException;

	@Override
	void close() throws IOException;

}
