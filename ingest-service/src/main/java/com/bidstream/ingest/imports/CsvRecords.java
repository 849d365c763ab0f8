package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.bidstream.ingest.listing.ListingPaths;

/**
 * CSV as RFC 4180 writes it: a header row naming the columns, fields separated by commas,
 * a field in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF
 * line ends; UTF-8 with or without a byte order mark (the spooled file is UTF-8, whatever
 * charset the upload declared). Blank lines are skipped, and so are lines of nothing but
 * commas, spaces and tabs (a spreadsheet's empty rows). A record's line is the line of
 * the file it starts on (the header is line 1), counting the line breaks inside quoted
 * fields. A record with a field that is not UTF-8 ({@link Utf8}) is unreadable, naming
 * the field's column; a header with one makes every record unreadable.
 * <p>
 * A quoted field that is never closed runs to the end of the file (RFC 4180), so its
 * record is unreadable: it is returned as such, saying on which line the quote opened,
 * and reading goes on with the line after that one. No later {@code "} closes the quote,
 * so those lines hold none but doubled ones and read alike whichever way the quote was
 * meant to end: the records on them are not lost. A header whose quote is never closed
 * makes every record unreadable. {@link RecordCounter.Csv} counts by the same rules.
 * <p>
 * A record over {@link RecordReader#MAX_RECORD_BYTES} (a header too) is read to its end
 * by these rules without its bytes being kept, and is unreadable; a quote never closed is
 * still read to the end of the file, but without keeping what follows it either.
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

	/**
	 * Whether the record last read is over {@link RecordReader#MAX_RECORD_BYTES}.
	 */
	private boolean tooLong;

	/**
	 * The column (from 0) of the first field of the record last read that is not UTF-8,
	 * or -1.
	 */
	private int notTextColumn = -1;

	/**
	 * The column (from 0) of the first quoted field of the record last read that has text
	 * after its closing quote ({@code "a "b" c"}), or -1; with the lines its quote opened
	 * and closed on.
	 */
	private int strayTextColumn = -1;

	private long strayQuoteOpened;

	private long strayQuoteClosed;

	/**
	 * The bytes of the field being read, reused from field to field.
	 */
	private final LineBytes cell = new LineBytes(MAX_RECORD_BYTES);

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
		String headerProblem = headerProblem(header, names);
		CsvColumns columns = CsvColumns.of((headerProblem != null) ? List.of() : names);
		if (offset <= header.cursor.offset()) {
			return new CsvRecords(file, header.cursor, columns, headerProblem, header.lineNumber);
		}
		header.cursor.close();
		return new CsvRecords(file, new ByteCursor(file.open(offset), offset), columns, headerProblem, line);
	}

	private static String headerProblem(CsvRecords header, List<String> names) {
		if (header.unclosedQuoteLine > 0) {
			return "is not readable CSV: the header's quoted field opened on line " + header.unclosedQuoteLine
					+ " is not closed before the end of the file";
		}
		if (header.notTextColumn >= 0) {
			return "is not readable CSV: the header " + NOT_TEXT;
		}
		if (header.strayTextColumn >= 0) {
			return "is not readable CSV: the header's column " + (header.strayTextColumn + 1)
					+ " has text after the quote that closes it (a quote inside a quoted field is written twice: \"\")";
		}
		if (header.tooLong) {
			return "is not readable CSV: the header is longer than 1 MiB (1,048,576 bytes), the most an import reads "
					+ "of one record";
		}
		Set<String> seen = new LinkedHashSet<>();
		for (String name : names) {
			// which of two columns of one name holds the field would be a guess
			if (!name.isBlank() && !seen.add(name.strip())) {
				return "is not readable CSV: the header names the column " + name.strip() + " twice";
			}
		}
		// a column that names no listing field is ignored, as an unknown JSON field is;
		// one that names a field in other letter case would be ignored by mistake
		// (every such column at once, in the header's order: a spreadsheet's header is
		// often capitalised throughout)
		List<String> named = new ArrayList<>();
		List<String> meant = new ArrayList<>();
		for (String name : seen) {
			if (!ListingPaths.ALL.contains(name)) {
				ListingPaths.ALL.stream().filter(name::equalsIgnoreCase).findFirst().ifPresent((field) -> {
					named.add(name);
					meant.add(field);
				});
			}
		}
		if (named.size() == 1) {
			return "is not readable CSV: the header names the column " + named.get(0) + ", which is no listing field; "
					+ "the field is " + meant.get(0) + " (names are matched in their letter case)";
		}
		if (named.size() > 1) {
			return "is not readable CSV: the header names the columns " + String.join(", ", named)
					+ ", which are no listing fields; the fields are " + String.join(", ", meant)
					+ " (names are matched in their letter case)";
		}
		if (seen.stream().noneMatch(ListingPaths.ALL::contains)) {
			return "is not readable CSV: the header names no listing field (a header is a line of the listing's "
					+ "JSON field names separated by commas, such as source,externalId,title,postedAt)";
		}
		return null;
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
		if (this.tooLong) {
			return new RawRecord(this.recordStart, null, TOO_LONG, this.cursor.offset(), this.lineNumber);
		}
		if (this.headerProblem != null) {
			return new RawRecord(this.recordStart, null, this.headerProblem, this.cursor.offset(), this.lineNumber);
		}
		if (this.notTextColumn >= 0) {
			return new RawRecord(this.recordStart, null, this.columns.field(this.notTextColumn),
					"is not readable CSV: the " + this.columns.describe(this.notTextColumn) + " " + NOT_TEXT,
					this.cursor.offset(), this.lineNumber);
		}
		if (this.strayTextColumn >= 0) {
			return new RawRecord(this.recordStart, null, this.columns.field(this.strayTextColumn),
					strayText(this.columns.describe(this.strayTextColumn)), this.cursor.offset(), this.lineNumber);
		}
		String misfit = this.columns.misfit(cells);
		if (misfit != null) {
			return new RawRecord(this.recordStart, null, "is not readable CSV: " + misfit, this.cursor.offset(),
					this.lineNumber);
		}
		return new RawRecord(this.recordStart, this.columns.fields(cells), null, this.cursor.offset(), this.lineNumber);
	}

	private String strayText(String column) {
		String where = (this.strayQuoteClosed > this.strayQuoteOpened)
				? "; that quote opened on line " + this.strayQuoteOpened + " and closed on line "
						+ this.strayQuoteClosed + ", so what lies between was read as part of this record"
				: "";
		return "is not readable CSV: the " + column + " has text after the quote that closes it (a quote inside a "
				+ "quoted field is written twice: \"\")" + where;
	}

	/**
	 * The cells of the next non-blank record, or null at the end of the file. When the
	 * record holds a quote that is never closed, {@link #unclosedQuoteLine} names the
	 * line it opened on and reading goes back to the line after it. When it is longer
	 * than {@link RecordReader#MAX_RECORD_BYTES}, {@link #tooLong} says so, the cells are
	 * empty, and the record is read to its end by the same rules without keeping its
	 * bytes.
	 */
	private List<String> cells() throws IOException {
		this.unclosedQuoteLine = 0;
		while (true) {
			if (this.cursor.peek() < 0) {
				return null;
			}
			this.recordStart = this.lineNumber;
			this.tooLong = false;
			this.notTextColumn = -1;
			this.strayTextColumn = -1;
			long startOffset = this.cursor.offset();
			List<String> cells = new ArrayList<>();
			this.cell.clear();
			// a byte in the cell, kept or not: then a quote is no longer its first
			boolean cellHasBytes = false;
			boolean quoted = false;
			// the cell's quote has closed: only a comma or the line's end may follow
			boolean closedQuote = false;
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
				if (!quoted && b == '\n') {
					this.lineNumber++;
					break;
				}
				if (!this.tooLong && this.cursor.offset() - startOffset > MAX_RECORD_BYTES) {
					this.tooLong = true;
					cells.clear();
					this.cell.clear();
				}
				if (quoted) {
					if (b == '"') {
						if (this.cursor.peek() == '"') {
							this.cursor.read();
							cellHasBytes = true;
							keep(b);
						}
						else {
							quoted = false;
							closedQuote = true;
						}
					}
					else {
						if (b == '\n') {
							this.lineNumber++;
							if (afterQuoteLine < 0) {
								afterQuoteLine = this.cursor.offset();
							}
						}
						cellHasBytes = true;
						keep(b);
					}
					continue;
				}
				if (b == '\r') {
					continue;
				}
				// a line of nothing but commas and blanks (a spreadsheet's empty row) is
				// blank
				content |= !RecordCounter.Csv.blank(b);
				if (b == ',') {
					if (!this.tooLong) {
						cells.add(decode(cells.size()));
					}
					cellHasBytes = false;
					closedQuote = false;
				}
				else if (b == '"' && !cellHasBytes) {
					quoted = true;
					quoteLine = this.lineNumber;
					afterQuoteLine = -1;
				}
				else {
					if (closedQuote && b != ' ' && b != '\t' && this.strayTextColumn < 0) {
						this.strayTextColumn = cells.size();
						this.strayQuoteOpened = quoteLine;
						this.strayQuoteClosed = this.lineNumber;
					}
					cellHasBytes = true;
					keep(b);
				}
			}
			if (content) {
				if (!this.tooLong) {
					cells.add(decode(cells.size()));
				}
				return cells;
			}
		}
	}

	private void keep(int b) {
		if (!this.tooLong) {
			this.cell.append(b);
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

	/**
	 * The text of the field just read, in the given column; when it is not UTF-8, the
	 * record is unreadable ({@link #notTextColumn}), never decoded with U+FFFD.
	 */
	private String decode(int column) {
		if (this.notTextColumn < 0 && !Utf8.isValid(this.cell.bytes(), 0, this.cell.length())) {
			this.notTextColumn = column;
		}
		String text = new String(this.cell.bytes(), 0, this.cell.length(), StandardCharsets.UTF_8);
		this.cell.clear();
		return text;
	}

	/**
	 * How many bytes the buffer a field is read into holds (it grows to the longest field
	 * read, up to {@link RecordReader#MAX_RECORD_BYTES}).
	 */
	int bufferCapacity() {
		return this.cell.capacity();
	}

	@Override
	public void close() throws IOException {
		this.cursor.close();
	}

}
