package com.bidstream.reporting.csv;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The reports' CSV exports (RFC 4180, CRLF): a header of the JSON field names, then one
 * line per row, empty cells for nulls. A text cell that a spreadsheet would read as a
 * formula is prefixed with an apostrophe.
 */
public final class Csv {

	public static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private Csv() {
	}

	/**
	 * The document: the header, then the lines.
	 */
	public static String render(String header, List<String> lines) {
		StringBuilder csv = new StringBuilder(header).append("\r\n");
		lines.forEach((line) -> csv.append(line).append("\r\n"));
		return csv.toString();
	}

	/**
	 * One line of cells: numbers and booleans as they print, text through {@link #text}
	 * first, null as an empty cell.
	 */
	public static String line(Object... cells) {
		return Arrays.stream(cells)
			.map((cell) -> (cell != null) ? cell.toString() : "")
			.collect(Collectors.joining(","));
	}

	/**
	 * A text cell: formula-safe, quoted when it holds a comma, a quote or a line break.
	 */
	public static String text(String value) {
		if (value == null) {
			return null;
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	/**
	 * The document as a download named {@code filename}.
	 */
	public static ResponseEntity<String> attachment(String filename, String csv) {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(csv);
	}

}
