package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
		return read(format, file, text.getBytes(StandardCharsets.UTF_8), offset, line);
	}

	/**
	 * Writes the bytes to the file and reads every record of it from the offset, starting
	 * at that line.
	 */
	static List<RawRecord> read(ImportFormat format, Path file, byte[] bytes, long offset, long line)
			throws IOException {
		Files.write(file, bytes);
		List<RawRecord> records = new ArrayList<>();
		try (RecordReader reader = format.open(new SpoolFile(file), offset, line)) {
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
		}
		return records;
	}

	/**
	 * Like {@link #read}, and how many bytes the reader's buffer for one record can hold
	 * once every record was read.
	 */
	static Holding readHolding(ImportFormat format, Path file, String text, long offset, long line) throws IOException {
		Files.writeString(file, text);
		List<RawRecord> records = new ArrayList<>();
		try (RecordReader reader = format.open(new SpoolFile(file), offset, line)) {
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
			int capacity = (reader instanceof NdjsonRecords ndjson) ? ndjson.bufferCapacity()
					: ((CsvRecords) reader).bufferCapacity();
			return new Holding(records, capacity);
		}
	}

	record Holding(List<RawRecord> records, int bufferCapacity) {

	}

}
