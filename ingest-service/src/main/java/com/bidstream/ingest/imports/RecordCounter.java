package com.bidstream.ingest.imports;

/**
 * Counts an import's records while its body is spooled, by the same rules its reader
 * splits them (quoted line breaks, blank lines), so that {@code total} is known when the
 * import starts. A record over {@link RecordReader#MAX_RECORD_BYTES} is read to its end
 * by these rules too, and rejected as one record (a blank line, however long, is none),
 * so a record's length plays no part in the count.
 */
abstract sealed class RecordCounter {

	long records;

	boolean content;

	abstract void accept(int b);

	/**
	 * The records counted once the body ended (a CSV's header is no record).
	 */
	abstract long finish();

	static final class Ndjson extends RecordCounter {

		@Override
		void accept(int b) {
			if (b == '\n') {
				this.records += this.content ? 1 : 0;
				this.content = false;
			}
			else if (!NdjsonRecords.isWhitespace(b)) {
				this.content = true;
			}
		}

		@Override
		long finish() {
			return this.records + (this.content ? 1 : 0);
		}

	}

	static final class Csv extends RecordCounter {

		private boolean quoted;

		private boolean closingQuote;

		private boolean cellHasBytes;

		/**
		 * Since the open quote's line ended: the records on the lines after it, as
		 * {@link CsvRecords} reads them again should the quote never close.
		 */
		private boolean pastQuoteLine;

		private long recordsAfterQuoteLine;

		private boolean lineAfterQuoteHasContent;

		@Override
		void accept(int b) {
			if (this.quoted) {
				afterQuoteLine(b);
			}
			if (this.closingQuote) {
				this.closingQuote = false;
				if (b == '"') {
					this.cellHasBytes = true;
					return;
				}
				this.quoted = false;
			}
			if (this.quoted) {
				if (b == '"') {
					this.closingQuote = true;
				}
				else {
					this.cellHasBytes = true;
				}
				return;
			}
			if (b == '\n') {
				this.records += this.content ? 1 : 0;
				this.content = false;
				this.cellHasBytes = false;
				return;
			}
			if (b == '\r') {
				return;
			}
			this.content |= !blank(b);
			if (b == ',') {
				this.cellHasBytes = false;
			}
			else if (b == '"' && !this.cellHasBytes) {
				this.quoted = true;
				this.pastQuoteLine = false;
				this.recordsAfterQuoteLine = 0;
				this.lineAfterQuoteHasContent = false;
			}
			else {
				this.cellHasBytes = true;
			}
		}

		/**
		 * Counts the lines after the open quote's that hold anything but a line end: a
		 * quote never closed leaves only doubled quotes after it, so each such line is
		 * one record when read again.
		 */
		private void afterQuoteLine(int b) {
			if (b == '\n') {
				this.recordsAfterQuoteLine += (this.pastQuoteLine && this.lineAfterQuoteHasContent) ? 1 : 0;
				this.pastQuoteLine = true;
				this.lineAfterQuoteHasContent = false;
			}
			else if (b != '\r' && !blank(b)) {
				this.lineAfterQuoteHasContent = true;
			}
		}

		/**
		 * Whether an unquoted byte leaves its line blank: a line of nothing but commas,
		 * spaces and tabs (a spreadsheet's empty row) is no record, as an empty line is
		 * not.
		 */
		static boolean blank(int b) {
			return b == ',' || b == ' ' || b == '\t';
		}

		@Override
		long finish() {
			long all = this.records + (this.content ? 1 : 0);
			if (this.quoted && !this.closingQuote) {
				// never closed: its record ends with the quote's line, the lines after it
				// are read again
				all += this.recordsAfterQuoteLine + ((this.pastQuoteLine && this.lineAfterQuoteHasContent) ? 1 : 0);
			}
			return Math.max(all - 1, 0);
		}

	}

}
