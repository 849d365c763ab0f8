package com.bidstream.ingest.imports;

/**
 * Counts an import's records while its body is spooled, by the same rules its reader
 * splits them (quoted line breaks, blank lines), so that {@code total} is known when the
 * import starts.
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

		@Override
		void accept(int b) {
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
			this.content = true;
			if (b == ',') {
				this.cellHasBytes = false;
			}
			else if (b == '"' && !this.cellHasBytes) {
				this.quoted = true;
			}
			else {
				this.cellHasBytes = true;
			}
		}

		@Override
		long finish() {
			long all = this.records + (this.content ? 1 : 0);
			return Math.max(all - 1, 0);
		}

	}

}
