package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.bidstream.ingest.imports.ImportFiles.Holding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class NdjsonRecordsTests {

	static final int MIB = 1024 * 1024;

	static final String TOO_LONG = "is longer than 1 MiB (1,048,576 bytes), the most an import reads of one record; "
			+ "a valid listing takes at most 512 KiB as JSON";

	@TempDir
	Path dir;

	@Test
	void linesAreRecordsAndAnUnreadableLineIsAProblemOfItsOwn() throws IOException {
		String ndjson = "{\"title\": \"a\"}\n\n{\"title\": \n{\"budget\": {\"amount\": 12.5}}";

		List<RawRecord> records = read(ndjson, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L, 4L);
		assertThat(records.get(1).fields()).isNull();
		assertThat(records.get(1).problem()).isEqualTo("is not readable JSON");
		assertThat(records.get(2).fields().at("/budget/amount").decimalValue()).isEqualByComparingTo("12.5");
		assertThat(count(ndjson)).isEqualTo(3);
	}

	@Test
	void aLineNamingAFieldTwiceIsAProblemOfItsOwnNamingIt() throws IOException {
		String ndjson = "{\"title\": \"a\", \"title\": \"b\"}\n{\"title\": \"c\"}\n";

		List<RawRecord> records = read(ndjson, 0, 1);

		assertThat(records).extracting(RawRecord::problem)
			.containsExactly("is not readable JSON: it names \"title\" twice in one object", null);
	}

	/**
	 * Jackson refuses most bytes that are not UTF-8 but reads an overlong sequence as the
	 * character it spells ({@code C0 AF} as "/"): such a line is rejected as a CSV record
	 * is, saying why.
	 */
	@Test
	void aLineThatIsNotUtf8IsRejectedSayingSoWhateverJacksonWouldMakeOfIt() throws IOException {
		byte[] ndjson = CsvRecordsTests.concat("{\"title\": \"caf", new byte[] { (byte) 0xE9 }, " x\"}\n",
				"{\"title\": \"a", new byte[] { (byte) 0xC0, (byte) 0xAF }, "b\"}\n", "{\"title\": \"\uFFFD\"}\n");

		List<RawRecord> records = ImportFiles.read(ImportFormat.NDJSON, this.dir.resolve("x.ndjson"), ndjson, 0, 1);

		assertThat(records).extracting(RawRecord::line, RawRecord::problem)
			.containsExactly(tuple(1L, "is not readable: the line " + RecordReader.NOT_TEXT),
					tuple(2L, "is not readable: the line " + RecordReader.NOT_TEXT), tuple(3L, null));
		assertThat(records.get(2).fields().get("title").asString()).isEqualTo("\uFFFD");
	}

	/**
	 * Lines longer than the reader's 64 KiB buffer, CRLF line ends, lines of blanks, a
	 * BOM: every record whole, on its line, and each ending at the offset just after its
	 * line break, where a resumed import reads on.
	 */
	@Test
	void longLinesAcrossTheBufferKeepTheirBytesLinesAndOffsets() throws IOException {
		String bom = "\uFEFF";
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lines.add("{\"n\": " + i + ", \"description\": \"" + "é".repeat(20_000 * (i + 1)) + "\"}");
		}
		String ndjson = bom + lines.get(0) + "\r\n" + " \t \r\n" + lines.get(1) + "\n" + lines.get(2) + "\n\n"
				+ lines.get(3) + "\r\n" + lines.get(4);

		List<RawRecord> records = read(ndjson, 0, 1);

		assertThat(records).extracting((record) -> record.fields().get("n").asInt()).containsExactly(0, 1, 2, 3, 4);
		assertThat(records).extracting(RawRecord::line).containsExactly(1L, 3L, 4L, 6L, 7L);
		for (int i = 0; i < 5; i++) {
			assertThat(records.get(i).fields().get("description").asString()).hasSize(20_000 * (i + 1));
		}
		byte[] bytes = ndjson.getBytes(StandardCharsets.UTF_8);
		for (RawRecord record : records.subList(0, 4)) {
			assertThat(bytes[(int) record.endOffset() - 1]).as("a record ends after its line break")
				.isEqualTo((byte) '\n');
		}
		assertThat(records.get(4).endOffset()).isEqualTo(bytes.length);
		RawRecord second = records.get(1);
		assertThat(read(ndjson, second.endOffset(), second.nextLine())).extracting(RawRecord::line)
			.containsExactly(4L, 6L, 7L);
		assertThat(count(ndjson)).isEqualTo(5);
	}

	/**
	 * A line of 3 MiB between two good ones: rejected on its line, never held (the line
	 * buffer stays within the limit), and the line after it is read, also when resumed.
	 */
	@Test
	void aLineOverOneMebibyteIsRejectedOnItsLineWithoutBeingHeldAndTheLinesAfterItAreRead() throws IOException {
		String huge = "{\"title\": \"Huge\", \"description\": \"" + "é".repeat(3 * MIB / 2) + "\"}";
		String ndjson = "{\"n\": 1}\n" + huge + "\r\n" + "{\"n\": 3}\n";

		Holding read = ImportFiles.readHolding(ImportFormat.NDJSON, this.dir.resolve("x.ndjson"), ndjson, 0, 1);

		List<RawRecord> records = read.records();
		assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 3L);
		assertThat(records.get(1).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(1).fields()).isNull();
		assertThat(records.get(2).fields().get("n").asInt()).isEqualTo(3);
		assertThat(read.bufferCapacity()).as("the line buffer never grew past the limit")
			.isLessThanOrEqualTo(RecordReader.MAX_RECORD_BYTES);
		assertThat(count(ndjson)).as("the counter agrees").isEqualTo(3);
		assertThat(read(ndjson, records.get(0).endOffset(), records.get(0).nextLine()))
			.as("resumed before the long line")
			.extracting(RawRecord::line, RawRecord::problem)
			.containsExactly(tuple(2L, TOO_LONG), tuple(3L, null));
		assertThat(read(ndjson, records.get(1).endOffset(), records.get(1).nextLine()))
			.as("resumed after the long line")
			.extracting(RawRecord::line)
			.containsExactly(3L);
	}

	@Test
	void aLineOfOneMebibyteIsReadOneByteMoreIsTooLongAndALongBlankLineIsBlank() throws IOException {
		String ndjson = listing(1, MIB) + "\n" + listing(2, MIB + 1) + "\n" + " \t".repeat(3 * MIB / 2) + "\n"
				+ listing(4, 100);

		List<RawRecord> records = read(ndjson, 0, 1);

		assertThat(records).extracting(RawRecord::line).containsExactly(1L, 2L, 4L);
		assertThat(records.get(0).fields().get("n").asInt()).isEqualTo(1);
		assertThat(records.get(1).problem()).isEqualTo(TOO_LONG);
		assertThat(records.get(2).fields().get("n").asInt()).isEqualTo(4);
		assertThat(count(ndjson)).isEqualTo(3);
	}

	/**
	 * A JSON object of exactly {@code bytes} bytes.
	 */
	private static String listing(int n, int bytes) {
		String head = "{\"n\": " + n + ", \"description\": \"";
		String tail = "\"}";
		return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
	}

	private List<RawRecord> read(String ndjson, long offset, long line) throws IOException {
		return ImportFiles.read(ImportFormat.NDJSON, this.dir.resolve("x.ndjson"), ndjson, offset, line);
	}

	private static long count(String ndjson) {
		RecordCounter counter = ImportFormat.NDJSON.counter();
		for (byte b : ndjson.getBytes(StandardCharsets.UTF_8)) {
			counter.accept(b & 0xFF);
		}
		return counter.finish();
	}

}
