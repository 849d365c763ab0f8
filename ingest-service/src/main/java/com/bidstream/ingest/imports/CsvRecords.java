package com.bidstream.ingest.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as RFC 4180 writes it: a header row naming the columns, fields separated by commas,
 * a field in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF
 * line ends; UTF-8 with or without a byte order mark. Blank lines are skipped. A record's
 * line is the line of the file it starts on (the header is line 1), counting the line
 * breaks inside quoted fields.
 */
final class CsvRecords implements RecordReader {

	private final ByteCursor cursor;

	private final CsvColumns columns;

	private long lineNumber;

	private long recordStart;

	private CsvRecords(ByteCursor cursor, CsvColumns columns, long lineNumber) {
		this.cursor = cursor;
		this.columns = columns;
		this.lineNumber = lineNumber;
	}

	/**
	 * Reads the header from the file's start, then goes on from {@code offset} (just
	 * after the header when it is 0).
	 */
	static CsvRecords open(SpoolFile file, long offset, long line) throws IOException {
		ByteCursor head = new ByteCursor(file.open(0), 0);
		head.skipByteOrderMark();
		CsvRecords header = new CsvRecords(head, null, 1);
		List<String> names = header.cells();
		if (names == null) {
			head.close();
			return new CsvRecords(new ByteCursor(file.open(0), 0), CsvColumns.of(List.of()), 1);
		}
		if (offset <= head.offset()) {
			return new CsvRecords(head, CsvColumns.of(names), header.lineNumber);
		}
		head.close();
		return new CsvRecords(new ByteCursor(file.open(offset), offset), CsvColumns.of(names), line);
	}

	@Override
	public RawRecord next() throws IOException {
		List<String> cells = cells();
		if (cells == null) {
			return null;
		}
		return new RawRecord(this.recordStart, this.columns.fields(cells), null, this.cursor.offset(), this.lineNumber);
	}

	/**
	 * The cells of the next non-blank record, or null at the end of the file.
	 */
	private List<String> cells() throws IOException {
		while (true) {
			if (this.cursor.peek() < 0) {
				return null;
			}
			this.recordStart = this.lineNumber;
			List<String> cells = new ArrayList<>();
			ByteArrayOutputStream cell = new ByteArrayOutputStream(64);
			boolean quoted = false;
			boolean content = false;
			while (true) {
				int b = this.cursor.read();
				if (b < 0) {
					break;
				}
				if (quoted) {
					if (b == '"') {
						if (this.cursor.peek() == '"') {
							this.cursor.read();
							cell.write('"');
						}
						else {
							quoted = false;
						}
					}
					else {
						if (b == '\n') {
							this.lineNumber++;
						}
						cell.write(b);
					}
					continue;
				}
				if (b == '\n') {
					this.lineNumber++;
					break;
				}
				if (b == '\r') {
					continue;
				}
				content = true;
				if (b == ',') {
					cells.add(decode(cell));
				}
				else if (b == '"' && cell.size() == 0) {
					quoted = true;
				}
				else {
					cell.write(b);
				}
			}
			if (content) {
				cells.add(decode(cell));
				return cells;
			}
		}
	}

	private static String decode(ByteArrayOutputStream cell) {
		String text = cell.toString(StandardCharsets.UTF_8);
		cell.reset();
		return text;
	}

	@Override
	public void close() throws IOException {
		this.cursor.close();
	}

}
