package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.ingest.imports.ImportFiles.Holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CsvRecordsTests {

	static final int MIB = 1024 * 1024;

	static final String TOO_LONG = NdjsonRecordsTests.TOO_LONG;

	static final String CSV = "\uFEFFsource,externalId,title,postedAt,skills,budget.type,budget.amount,client.paymentVerified,proposals\r\n"
			+ "upwork,~01a,\"Kafka, Spring\",2026-11-22T09:15:00Z,Java; Spring Boot ;,FIXED,4000.50,true,12\r\n"
			+ "\r\n" + "upwork,~01b,\"A title\nspanning \"\"two\"\" lines\",2026-11-22T09:15:00Z,,,,,\n"
			+ "upwork,~01c,Third,2026-11-22T09:15:00Z,,HOURLY,lots,maybe,x";

	@TempDir
	Path dir;

	@Test
	void quotedCommasNewlinesAndQuotesAreOneFieldAndLinesCountFromTheHeader() throws IOException {
		List<RawRecord> records = read(CSV, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 4L, 6L);
		assertThat(records.get(0).fields().get("title").asString()).isEqualTo("Kafka, Spring");
		assertThat(records.get(1).fields().get("title").asString()).isEqualTo("A title\nspanning \"two\" lines");
		assertThat(records.get(1).fields().has("budget")).as("empty cells are absent").isFalse();
	}

	@Test
	void cellsTakeTheTypesJsonWouldCarryAndNestByDots() throws IOException {
		RawRecord first = read(CSV, 0, 1).get(0);

		assertThat(first.fields().get("source").asString()).as("the BOM is not part of the first name")
			.isEqualTo("upwork");
		assertThat(first.fields().at("/budget/amount").isNumber()).isTrue();
		assertThat(first.fields().at("/budget/amount").decimalValue()).isEqualByComparingTo("4000.50");
		assertThat(first.fields().at("/client/paymentVerified").isBoolean()).isTrue();
		assertThat(first.fields().get("proposals").isNumber()).isTrue();
		assertThat(first.fields().get("skills").valueStream().map((s) -> s.asString())).containsExactly("Java",
				"Spring Boot");
	}

	@Test
	void aValueThatIsNoNumberOrFlagStaysTextForTheValidatorToName() throws IOException {
		RawRecord third = read(CSV, 0, 1).get(2);

		assertThat(third.fields().at("/budget/amount").isString()).isTrue();
		assertThat(third.fields().at("/client/paymentVerified").isString()).isTrue();
	}

	@Test
	void readingResumesAtARecordsEndOffsetWithItsLineAndTheHeader() throws IOException {
		RawRecord first = read(CSV, 0, 1).get(0);

		List<RawRecord> rest = read(CSV, first.endOffset(), first.nextLine());

		assertThat(rest).extracting(RawRecord::line).containsExactly(4L, 6L);
		assertThat(rest.get(1).fields().get("title").asString()).isEqualTo("Third");
	}

	@Test
	void theCounterCountsWhatTheReaderReads() throws IOException {
		RecordCounter counter = ImportFormat.CSV.counter();
		CSV.getBytes(StandardCharsets.UTF_8);
		for (byte b : CSV.getBytes(StandardCharsets.UTF_8)) {
			counter.accept(b & 0xFF);
		}
		assertThat(counter.finish()).isEqualTo(read(CSV, 0, 1).size()).isEqualTo(3);
	}

	@Test
	void aQuotedFieldNeverClosedRejectsItsRecordNamingTheLineTheQuoteOpensOnAndTheLinesAfterAreStillRead()
			throws IOException {
		String csv = "source,externalId,title,postedAt\r\n" + "upwork,~02q1,\"never closed,2026-11-26T08:00:00Z\r\n"
				+ "upwork,~02q2,Second,2026-11-26T08:00:00Z\r\n" + "\r\n" + "upwork,~02q3,Third,2026-11-26T08:00:00Z";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 5L);
		assertThat(records.get(0).fields()).isNull();
		assertThat(records.get(0).problem())
			.isEqualTo("is not readable CSV: the quoted field opened on line 2 is not closed before the end of the "
					+ "file (a quote inside a quoted field is written twice); the lines after line 2 are read as "
					+ "records");
		assertThat(records.get(0).nextLine()).isEqualTo(3);
		assertThat(records.get(1).fields().get("title").asString()).isEqualTo("Second");
		assertThat(records.get(2).fields().get("externalId").asString()).isEqualTo("~02q3");
		assertThat(count(csv)).as("the counter agrees").isEqualTo(3);
		assertThat(read(csv, records.get(0).endOffset(), records.get(0).nextLine()))
			.as("resumed just after the broken record")
			.extracting(RawRecord::line)
			.containsExactly(3L, 5L);
	}

	@Test
	void aQuoteNeverClosedIsNamedByTheLineItOpensOnAndItsRecordByTheLineItStartsOn() throws IOException {
		String csv = "source,externalId,title,description\n" + "upwork,~02q1,\"Two\nlines\",\"never closed\n"
				+ "upwork,~02q2,Fine,\"\"\n" + "upwork,~02q3,Last,";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 4L, 5L);
		assertThat(records.get(0).problem()).contains("the quoted field opened on line 3 is not closed")
			.contains("the lines after line 3 are read as records");
		assertThat(records.get(1).fields().get("title").asString()).isEqualTo("Fine");
		assertThat(records.get(2).fields().get("title").asString()).isEqualTo("Last");
		assertThat(count(csv)).isEqualTo(3);
	}

	/**
	 * The later of two columns of one name held the field, without a word.
	 */
	@Test
	void aHeaderNamingAColumnTwiceRejectsEveryRecordSayingSo() throws IOException {
		String csv = "source,externalId,title, title ,postedAt\n" + "upwork,~02d1,One,Two,2026-11-26T08:00:00Z\n"
				+ "upwork,~02d2,Three,Four,2026-11-26T08:00:00Z\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L);
		assertThat(records).extracting(RawRecord::problem)
			.containsOnly("is not readable CSV: the header names the column title twice");
	}

	@Test
	void aHeaderWithAQuoteNeverClosedRejectsEveryRecordSayingSo() throws IOException {
		String csv = "source,externalId,\"title,postedAt\n" + "upwork,~02q1,One,2026-11-26T08:00:00Z\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L);
		assertThat(records.get(0).fields()).isNull();
		assertThat(records.get(0).problem()).isEqualTo(
				"is not readable CSV: the header's quoted field opened on line 1 is not closed before the end of the file");
		assertThat(count(csv)).isEqualTo(1);
	}

	/**
	 * A quoted field of 3 MiB (line breaks, doubled quotes, commas in it) between two
	 * good records: its record is rejected on the line it starts on, never held, and the
	 * record after it is read on its line, also when resumed.
	 */
	@Test
	void aQuotedFieldOverOneMebibyteRejectsItsRecordWithoutHoldingItAndTheRecordsAfterItAreRead() throws IOException {
		String text = "a line, with \"\"quotes\"\" and, commas\r\n";
		int lines = 3 * MIB / text.length() + 1;
		String csv = "source,externalId,title,description\r\n" + "upwork,~03a,First,one\r\n" + "upwork,~03b,Huge,\""
				+ text.repeat(lines) + "\"\r\n" + "upwork,~03c,Last,three\r\n";

		Holding read = ImportFiles.readHolding(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, 0, 1);

		List<RawRecord> records = read.records();
		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L + lines);
		assertThat(records.get(1).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(1).fields()).isNull();
		assertThat(records.get(1).nextLine()).isEqualTo(4L + lines);
		assertThat(records.get(2).fields().get("title").asString()).isEqualTo("Last");
		assertThat(read.bufferCapacity()).as("the field buffer never grew past the limit")
			.isLessThanOrEqualTo(RecordReader.MAX_RECORD_BYTES);
		assertThat(count(csv)).as("the counter agrees").isEqualTo(3);
		assertThat(read(csv, records.get(0).endOffset(), records.get(0).nextLine())).as("resumed before it")
			.extracting(RawRecord::line, RawRecord::problem)
			.containsExactly(tuple(3L, TOO_LONG), tuple(4L + lines, null));
		assertThat(read(csv, records.get(1).endOffset(), records.get(1).nextLine())).as("resumed after it")
			.extracting(RawRecord::line)
			.containsExactly(4L + lines);
	}

	/**
	 * A quote never closed with 3 MiB after it, on its own line and on two lines of 1.5
	 * MiB each: the record is rejected as before, the rest of the file is never held, and
	 * reading goes back to the line after the quote's, where each long line is a record
	 * too long and the good lines after them are read.
	 */
	@Test
	void aQuoteNeverClosedBeforeMebibytesOfTextIsRejectedWithoutHoldingTheRestAndTheGoodLinesAfterAreRead()
			throws IOException {
		String csv = "source,externalId,title,description\n" + "upwork,~04a,First,one\n"
				+ "upwork,~04b,Open,\"never closed " + "a".repeat(3 * MIB / 2) + "\n" + "b, ".repeat(MIB / 2) + "\n"
				+ "c;".repeat(3 * MIB / 4) + "\n" + "upwork,~04c,Last,three\n" + "upwork,~04d,After,four";

		Holding read = ImportFiles.readHolding(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, 0, 1);

		List<RawRecord> records = read.records();
		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(records.get(1).problem()).contains("the quoted field opened on line 3 is not closed")
			.contains("the lines after line 3 are read as records");
		assertThat(records.get(2).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(3).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(4).fields().get("title").asString()).isEqualTo("Last");
		assertThat(records.get(5).fields().get("title").asString()).isEqualTo("After");
		assertThat(read.bufferCapacity()).as("the field buffer never grew past the limit")
			.isLessThanOrEqualTo(RecordReader.MAX_RECORD_BYTES);
		assertThat(count(csv)).as("the counter agrees").isEqualTo(6);
		assertThat(read(csv, records.get(1).endOffset(), records.get(1).nextLine())).as("resumed after it")
			.extracting(RawRecord::line)
			.containsExactly(4L, 5L, 6L, 7L);
	}

	@Test
	void aRecordOfOneMebibyteIsReadAndOneByteMoreIsTooLong() throws IOException {
		String csv = "source,externalId,title,description\n" + record("~05a", MIB) + "\n" + record("~05b", MIB + 1)
				+ "\n" + record("~05c", 100);

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L);
		assertThat(records.get(0).fields().get("description").asString()).hasSize(MIB - "upwork,~05a,T,\"\"".length());
		assertThat(records.get(1).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(2).fields().get("externalId").asString()).isEqualTo("~05c");
		assertThat(count(csv)).isEqualTo(3);
	}

	@Test
	void aHeaderOverOneMebibyteRejectsEveryRecordSayingSo() throws IOException {
		String csv = "source,externalId,title," + "x".repeat(2 * MIB) + "\n" + "upwork,~06a,One\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L);
		assertThat(records.get(0).problem()).isEqualTo(
				"is not readable CSV: the header is longer than 1 MiB (1,048,576 bytes), the most an import reads of "
						+ "one record");
		assertThat(count(csv)).isEqualTo(1);
	}

	/**
	 * A Latin-1 "é" in a UTF-8 file (the upload's charset when Content-Type names none):
	 * its record is rejected naming the column, never read with U+FFFD in its place; a
	 * U+FFFD the file really holds is text like any other.
	 */
	@Test
	void aFieldThatIsNotUtf8RejectsItsRecordNamingItsColumnAndTheRecordsAroundItAreRead() throws IOException {
		byte[] csv = concat("source,externalId,title,postedAt,\n", "upwork,~07a,First,2026-11-27T18:00:00Z,\n",
				"upwork,~07b,\"caf", new byte[] { (byte) 0xE9 }, " csv\",2026-11-27T18:00:00Z,\n",
				"upwork,~07c,Replacement \uFFFD kept,2026-11-27T18:00:00Z,\n",
				"upwork,~07d,Extra,2026-11-27T18:00:00Z,", new byte[] { (byte) 0xC0, (byte) 0xAF }, "\n");

		List<RawRecord> records = ImportFiles.read(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(2L, 3L, 4L, 5L);
		assertThat(records.get(0).fields().get("title").asString()).isEqualTo("First");
		assertThat(records.get(1).fields()).isNull();
		assertThat(records.get(1).field()).isEqualTo("title");
		assertThat(records.get(1).problem()).isEqualTo("is not readable CSV: the column title holds bytes that are "
				+ "not text in the import's charset (UTF-8, unless Content-Type names another, such as "
				+ "charset=ISO-8859-1)");
		assertThat(records.get(2).fields().get("title").asString()).isEqualTo("Replacement \uFFFD kept");
		assertThat(records.get(3).problem()).as("an overlong \"/\" in a column without a name")
			.startsWith("is not readable CSV: the column 5 holds bytes that are not text");
		assertThat(records.get(3).field()).as("a column without a name is the record's").isEqualTo("$");
		assertThat(read(csv, records.get(0).endOffset(), records.get(0).nextLine())).as("resumed before it")
			.extracting(RawRecord::line)
			.containsExactly(3L, 4L, 5L);
	}

	@Test
	void aHeaderThatIsNotUtf8RejectsEveryRecordSayingSo() throws IOException {
		byte[] csv = concat("source,externalId,t", new byte[] { (byte) 0xEE }, "tle,postedAt\n",
				"upwork,~08a,One,2026-11-27T18:00:00Z\n");

		List<RawRecord> records = ImportFiles.read(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, 0, 1);

		assertThat(records).extracting(RawRecord::line, RawRecord::problem)
			.containsExactly(tuple(2L, "is not readable CSV: the header " + RecordReader.NOT_TEXT));
	}

	@Test
	void aRecordWithMoreOrFewerFieldsThanTheHeaderIsUnreadableAndItsNeighboursAreRead() throws IOException {
		String csv = "source,externalId,title,category\n" + "upwork,~11a,Fix bug, urgent,Web Dev\n"
				+ "upwork,~11b,Fine,Web Dev\n" + "upwork,~11c,Short\n" + "upwork,~11d,Fix bug, urgent,\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line, RawRecord::field, RawRecord::problem)
			.containsExactly(
					tuple(2L, "$",
							"is not readable CSV: it has 5 fields where the header has 4 (a field holding a comma is "
									+ "written in double quotes)"),
					tuple(3L, "$", null),
					tuple(4L, "$",
							"is not readable CSV: it has 3 fields where the header has 4 (a field holding a comma is "
									+ "written in double quotes)"),
					tuple(5L, "$",
							"is not readable CSV: it has 5 fields where the header has 4 (a field holding a comma is "
									+ "written in double quotes)"));
		assertThat(read("source,externalId,title,category,,\nupwork,~11h,Trailing commas,Web Dev,,\n", 0, 1))
			.as("a spreadsheet's trailing commas, in the header and the record, are allowed")
			.singleElement()
			.satisfies((record) -> assertThat(record.problem()).isNull())
			.satisfies((record) -> assertThat(record.fields().get("category").asString()).isEqualTo("Web Dev"));
		assertThat(read("source,externalId,title,category,,\nupwork,~11e,No trailing commas,Web Dev\n", 0, 1))
			.as("nor does a header's trailing commas ask for cells")
			.singleElement()
			.satisfies((record) -> assertThat(record.problem()).isNull());
		assertThat(read("source,externalId,title,category,,\nupwork,~11g,Unnamed,Web Dev,,x\n", 0, 1)).singleElement()
			.satisfies((record) -> assertThat(record.problem())
				.isEqualTo("is not readable CSV: column 6 holds a value, but the header gives that column no name"));
		assertThat(read("source,\"externalId\"x,title\nupwork,~11f,Header\n", 0, 1)).singleElement()
			.satisfies((record) -> assertThat(record.problem()).isEqualTo("is not readable CSV: the header's column 2 "
					+ "has text after the quote that closes it (a quote inside a quoted field is written twice: \"\")"));
		assertThat(count(csv)).isEqualTo(records.size());
	}

	@Test
	void aSpreadsheetsEmptyRowsAreBlankLinesNotRecords() throws IOException {
		String csv = "source,externalId,title,postedAt\r\n" + ",,,\r\n" + "upwork,~14a,Row,2026-11-22T09:15:00Z\r\n"
				+ " , \t,,\r\n" + ",,\",\",\r\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line).as("a quoted empty cell is a record").containsExactly(3L, 5L);
		assertThat(records.get(0).problem()).isNull();
		assertThat(count(csv)).isEqualTo(records.size());
		assertThat(count("source,externalId\n,,\n")).isZero();
	}

	@Test
	void textAfterAClosingQuoteMakesTheRecordUnreadableNamingItsColumnAndTheLinesItRan() throws IOException {
		String csv = "source,externalId,title,postedAt\n"
				+ "upwork,~12a,\"quoted \"inner\" text\",2026-11-22T09:15:00Z\n"
				+ "upwork,~12b,\"spaced\"  ,2026-11-22T09:15:00Z\n"
				+ "\"upwork\",\"~12c\",\"unclosed,2026-11-22T09:15:00Z\n"
				+ "\"upwork\",\"~12d\",\"ok\",\"2026-11-22T09:15:00Z\"\n" + "upwork,~12e,After,2026-11-22T09:15:00Z\n";

		List<RawRecord> records = read(csv, 0, 1);

		assertThat(records).extracting(RawRecord::line, RawRecord::field)
			.containsExactly(tuple(2L, "title"), tuple(3L, "$"), tuple(4L, "title"), tuple(6L, "$"));
		assertThat(records.get(0).problem()).isEqualTo("is not readable CSV: the column title has text after the "
				+ "quote that closes it (a quote inside a quoted field is written twice: \"\")");
		assertThat(records.get(1).fields().get("title").asString()).as("blanks after a closing quote are no text")
			.startsWith("spaced");
		assertThat(records.get(2).problem()).endsWith(
				"; that quote opened on line 4 and closed on line 5, so what lies between was read as part of this "
						+ "record");
		assertThat(records.get(3).fields().get("externalId").asString()).isEqualTo("~12e");
		assertThat(count(csv)).isEqualTo(records.size());
	}

	@Test
	void aHeaderColumnThatNamesAFieldInOtherLetterCaseOrAHeaderOfNoFieldRejectsEveryRecordSayingSo()
			throws IOException {
		List<RawRecord> cased = read("source,externalId,Title,postedAt\nupwork,~13a,A job,2026-11-22T09:15:00Z\n", 0,
				1);
		List<RawRecord> ndjson = read("{\"source\": \"upwork\", \"externalId\": \"~13b\"}\n"
				+ "{\"source\": \"upwork\", \"externalId\": \"~13c\"}\n", 0, 1);
		List<RawRecord> extra = read(
				"source,externalId,title,postedAt,notes\nupwork,~13d,A job,2026-11-22T09:15:00Z," + "call back\n", 0,
				1);

		assertThat(cased).extracting(RawRecord::problem)
			.containsExactly("is not readable CSV: the header names the column Title, which is no listing field; the "
					+ "field is title (names are matched in their letter case)");
		assertThat(read("Source,ExternalId,Title,postedAt\nupwork,~13e,A job,2026-11-22T09:15:00Z\n", 0, 1))
			.as("every such column at once, in the header's order")
			.extracting(RawRecord::problem)
			.containsExactly("is not readable CSV: the header names the columns Source, ExternalId, Title, which are "
					+ "no listing fields; the fields are source, externalId, title (names are matched in their letter "
					+ "case)");
		assertThat(ndjson).extracting(RawRecord::problem)
			.containsExactly("is not readable CSV: the header names no listing field (a header is a line of the "
					+ "listing's JSON field names separated by commas, such as source,externalId,title,postedAt)");
		assertThat(extra.get(0).problem()).as("a column of no listing field is ignored, as an unknown JSON field")
			.isNull();
		assertThat(extra.get(0).fields().has("title")).isTrue();
	}

	static byte[] concat(Object... parts) {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		for (Object part : parts) {
			bytes.writeBytes((part instanceof byte[] raw) ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	/**
	 * A record of exactly {@code bytes} bytes, its description quoted.
	 */
	private static String record(String externalId, int bytes) {
		String head = "upwork," + externalId + ",T,\"";
		return head + "x".repeat(bytes - head.length() - 1) + "\"";
	}

	private static long count(String csv) {
		RecordCounter counter = ImportFormat.CSV.counter();
		for (byte b : csv.getBytes(StandardCharsets.UTF_8)) {
			counter.accept(b & 0xFF);
		}
		return counter.finish();
	}

	private List<RawRecord> read(String csv, long offset, long line) throws IOException {
		return ImportFiles.read(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, offset, line);
	}

	private List<RawRecord> read(byte[] csv, long offset, long line) throws IOException {
		return ImportFiles.read(ImportFormat.CSV, this.dir.resolve("x.csv"), csv, offset, line);
	}

}
