package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Import files for the readers' tests.
 */
final class ImportFiles {

	private ImportFiles() {
	}

	/**
	 * Writes the text to the file and reads every record of it from the offset, starting
	 * at that line.
	 */
	static List<RawRecord> read(ImportFormat format, Path file, String text, long offset, long line)
			throws IOException {
		Files.writeString(file, text);
		List<RawRecord> records = new ArrayList<>();
		try (RecordReader reader = format.open(new SpoolFile(file), offset, line)) {
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
		}
		return records;
	}

}
