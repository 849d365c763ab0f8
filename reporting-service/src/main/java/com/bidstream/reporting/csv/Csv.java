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
 * formula, leading spaces or not, is prefixed with an apostrophe.
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
		String safe = readAsFormula(value) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	/**
	 * Whether a spreadsheet may read the cell as a formula: it starts with a tab or a
	 * line break, or its first character after any spaces is {@code = + - @}
	 * (spreadsheets trim leading spaces before they look, so {@code " =1+2"} is a formula
	 * too).
	 */
	private static boolean readAsFormula(String value) {
		if (value.isEmpty()) {
			return false;
		}
		if ("\t\r\n".indexOf(value.charAt(0)) >= 0) {
			return true;
		}
		String trimmed = value.stripLeading();
		return !trimmed.isEmpty() && "=+-@".indexOf(trimmed.charAt(0)) >= 0;
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
