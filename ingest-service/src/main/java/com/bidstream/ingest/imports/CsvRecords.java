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
 * <p>
 * A quoted field that is never closed runs to the end of the file (RFC 4180), so its
 * record is unreadable: it is returned as such, saying on which line the quote opened,
 * and reading goes on with the line after that one. No later {@code "} closes the quote,
 * so those lines hold none but doubled ones and read alike whichever way the quote was
 * meant to end: the records on them are not lost. A header whose quote is never closed
 * makes every record unreadable. {@link RecordCounter.Csv} counts by the same rules.
 */
final class CsvRecords implements RecordReader {

	private final SpoolFile file;

	private ByteCursor cursor;

	private final CsvColumns columns;

	/**
	 * Why no record can be read (the header is unreadable), or null.
	 */
	private final String headerProblem;

	private long lineNumber;

	private long recordStart;

	/**
	 * The line of the quote the record last read never closes, or 0.
	 */
	private long unclosedQuoteLine;

	private CsvRecords(SpoolFile file, ByteCursor cursor, CsvColumns columns, String headerProblem, long lineNumber) {
		this.file = file;
		this.cursor = cursor;
		this.columns = columns;
		this.headerProblem = headerProblem;
		this.lineNumber = lineNumber;
	}

	/**
	 * Reads the header from the file's start, then goes on from {@code offset} (just
	 * after the header when it is 0).
	 */
	static CsvRecords open(SpoolFile file, long offset, long line) throws IOException {
		ByteCursor head = new ByteCursor(file.open(0), 0);
		head.skipByteOrderMark();
		CsvRecords header = new CsvRecords(file, head, null, null, 1);
		List<String> names = header.cells();
		if (names == null) {
			head.close();
			return new CsvRecords(file, new ByteCursor(file.open(0), 0), CsvColumns.of(List.of()), null, 1);
		}
		String headerProblem = (header.unclosedQuoteLine > 0) ? "is not readable CSV: the header's quoted field "
				+ "opened on line " + header.unclosedQuoteLine + " is not closed before the end of the file" : null;
		CsvColumns columns = CsvColumns.of((headerProblem != null) ? List.of() : names);
		if (offset <= header.cursor.offset()) {
			return new CsvRecords(file, header.cursor, columns, headerProblem, header.lineNumber);
		}
		header.cursor.close();
		return new CsvRecords(file, new ByteCursor(file.open(offset), offset), columns, headerProblem, line);
	}

	@Override
	public RawRecord next() throws IOException {
		List<String> cells = cells();
		if (cells == null) {
			return null;
		}
		if (this.unclosedQuoteLine > 0) {
			return new RawRecord(this.recordStart, null,
					"is not readable CSV: the quoted field opened on line " + this.unclosedQuoteLine
							+ " is not closed before the end of the file (a quote inside a quoted field is written "
							+ "twice); the lines after line " + this.unclosedQuoteLine + " are read as records",
					this.cursor.offset(), this.lineNumber);
		}
		if (this.headerProblem != null) {
			return new RawRecord(this.recordStart, null, this.headerProblem, this.cursor.offset(), this.lineNumber);
		}
		return new RawRecord(this.recordStart, this.columns.fields(cells), null, this.cursor.offset(), this.lineNumber);
	}

	/**
	 * The cells of the next non-blank record, or null at the end of the file. When the
	 * record holds a quote that is never closed, {@link #unclosedQuoteLine} names the
	 * line it opened on and reading goes back to the line after it.
	 */
	private List<String> cells() throws IOException {
		this.unclosedQuoteLine = 0;
		while (true) {
			if (this.cursor.peek() < 0) {
				return null;
			}
			this.recordStart = this.lineNumber;
			List<String> cells = new ArrayList<>();
			ByteArrayOutputStream cell = new ByteArrayOutputStream(64);
			boolean quoted = false;
			boolean content = false;
			long quoteLine = 0;
			long afterQuoteLine = -1;
			while (true) {
				int b = this.cursor.read();
				if (b < 0) {
					if (quoted) {
						neverClosed(quoteLine, afterQuoteLine);
					}
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
							if (afterQuoteLine < 0) {
								afterQuoteLine = this.cursor.offset();
							}
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
					quoteLine = this.lineNumber;
					afterQuoteLine = -1;
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

	/**
	 * The quote opened on {@code quoteLine} ran to the end of the file: the record is
	 * unreadable, and reading goes back to the line after the quote's (from
	 * {@code afterQuoteLine}, the offset just after its line break; -1 when it has none,
	 * and the file ends there).
	 */
	private void neverClosed(long quoteLine, long afterQuoteLine) throws IOException {
		this.unclosedQuoteLine = quoteLine;
		if (afterQuoteLine >= 0) {
			this.cursor.close();
			this.cursor = new ByteCursor(this.file.open(afterQuoteLine), afterQuoteLine);
			this.lineNumber = quoteLine + 1;
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
