package com.bidstream.tracking.pursuits;

import java.util.ArrayList;
import java.util.List;

/**
 * A CSV body held in memory, read as RFC 4180 writes it: fields separated by commas, a
 * field in double quotes may hold commas, line breaks and doubled quotes; CRLF or LF; a
 * byte order mark is skipped; blank lines are skipped. Each row knows the line it starts
 * on (the header is line 1). Ingest's import reader streams files of up to 2 GB from
 * disk; a backfill of pursuits is a bounded body, so this one is small.
 */
final class CsvRows {

	private CsvRows() {
	}

	/**
	 * A row: the line it starts on and its fields. {@code unclosed} when a quote opened
	 * on it never closes.
	 */
	record Row(long line, List<String> fields, boolean unclosed) {

	}

	static List<Row> read(String text) {
		List<Row> rows = new ArrayList<>();
		int at = (text.startsWith("\uFEFF")) ? 1 : 0;
		long line = 1;
		while (at < text.length()) {
			long start = line;
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean any = false;
			boolean unclosed = false;
			while (true) {
				if (at >= text.length()) {
					unclosed = quoted;
					break;
				}
				char c = text.charAt(at);
				if (quoted) {
					if (c == '"') {
						if (at + 1 < text.length() && text.charAt(at + 1) == '"') {
							field.append('"');
							at += 2;
						}
						else {
							quoted = false;
							at++;
						}
						continue;
					}
					if (c == '\n') {
						line++;
					}
					field.append(c);
					at++;
					continue;
				}
				if (c == '"' && field.isEmpty()) {
					quoted = true;
					any = true;
					at++;
				}
				else if (c == ',') {
					fields.add(field.toString());
					field.setLength(0);
					any = true;
					at++;
				}
				else if (c == '\r' && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
					at += 2;
					line++;
					break;
				}
				else if (c == '\n') {
					at++;
					line++;
					break;
				}
				else {
					field.append(c);
					any = true;
					at++;
				}
			}
			if (any || !field.isEmpty()) {
				fields.add(field.toString());
				rows.add(new Row(start, List.copyOf(fields), unclosed));
			}
		}
		return rows;
	}

}
