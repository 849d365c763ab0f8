package com.bidstream.ingest.imports;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import com.bidstream.ingest.intake.ListingTree;

/**
 * A CSV header's columns, named as the listing's JSON fields with dots for nesting: turns
 * a row into the field tree the validator reads, with the types JSON would carry. An
 * empty cell is an absent field; {@code skills} are separated by {@code ;}; a number or
 * flag column whose text is not one stays text, so that the validator names the field.
 */
final class CsvColumns {

	static final Set<String> NUMBERS = Set.of("budget.amount", "budget.min", "budget.max", "proposals",
			"connectsRequired", "client.totalSpent", "client.totalHires", "client.totalPostedJobs", "client.rating",
			"client.reviews");

	static final Set<String> FLAGS = Set.of("client.paymentVerified");

	private final List<String> names;

	private CsvColumns(List<String> names) {
		this.names = names;
	}

	static CsvColumns of(List<String> header) {
		return new CsvColumns(header.stream().map(String::strip).toList());
	}

	/**
	 * The column at {@code index} (from 0), as an error names it: by its header.
	 */
	String describe(int index) {
		String name = (index < this.names.size()) ? this.names.get(index) : "";
		return name.isEmpty() ? "column " + (index + 1) : "column " + name;
	}

	/**
	 * The field the column at {@code index} (from 0) holds, as an error's {@code field}
	 * names it: its header, or {@code $} (the record) when the header leaves it unnamed.
	 */
	String field(int index) {
		String name = (index < this.names.size()) ? this.names.get(index) : "";
		return name.isEmpty() ? "$" : name;
	}

	/**
	 * The header's columns up to its last named one: unnamed columns at its end (a
	 * spreadsheet's trailing commas) are no columns a record must fill.
	 */
	int size() {
		int size = this.names.size();
		while (size > 0 && this.names.get(size - 1).isEmpty()) {
			size--;
		}
		return size;
	}

	/**
	 * Why a record's cells do not line up with the header (RFC 4180: every record has as
	 * many fields as the header), or null when they do. A record may leave out the
	 * header's unnamed columns at its end (a spreadsheet's trailing commas) or hold them
	 * empty, but never has more cells than the header: an empty cell past it is what an
	 * unquoted comma leaves when the record's last cell is empty, and allowing it moved
	 * every cell after that comma one column on, without a word.
	 */
	String misfit(List<String> cells) {
		int size = size();
		String fields = cells.size() + ((cells.size() == 1) ? " field" : " fields");
		if (cells.size() < size || cells.size() > this.names.size()) {
			return "it has " + fields + " where the header has " + ((cells.size() < size) ? size : this.names.size())
					+ " (a field holding a comma is written in double quotes)";
		}
		for (int i = size; i < cells.size(); i++) {
			if (!cells.get(i).isBlank()) {
				return "column " + (i + 1) + " holds a value, but the header gives that column no name";
			}
		}
		return null;
	}

	JsonNode fields(List<String> cells) {
		ListingTree tree = new ListingTree();
		for (int i = 0; i < Math.min(cells.size(), this.names.size()); i++) {
			String name = this.names.get(i);
			String cell = cells.get(i);
			if (!name.isEmpty() && !cell.isEmpty()) {
				tree.put(name, value(name, cell));
			}
		}
		return tree.tree();
	}

	private static Object value(String name, String cell) {
		if ("skills".equals(name)) {
			return Arrays.stream(cell.split(";")).map(String::strip).filter((skill) -> !skill.isEmpty()).toList();
		}
		if (NUMBERS.contains(name)) {
			try {
				return new BigDecimal(cell.strip());
			}
			catch (NumberFormatException ex) {
				return cell;
			}
		}
		if (FLAGS.contains(name)) {
			String flag = cell.strip().toLowerCase(Locale.ROOT);
			return switch (flag) {
				case "true" -> Boolean.TRUE;
				case "false" -> Boolean.FALSE;
				default -> cell;
			};
		}
		return cell;
	}

}
