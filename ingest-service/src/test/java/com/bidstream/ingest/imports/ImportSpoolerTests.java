package com.bidstream.ingest.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import com.bidstream.ingest.imports.ImportFormat.Declared;
import com.bidstream.ingest.imports.ImportSpooler.Spooled;
import com.bidstream.platform.web.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An upload is read in the charset its Content-Type declares (UTF-8 when it names none):
 * spooled as UTF-8, so that bytes that are not text in that charset reject their record
 * and never turn into U+FFFD.
 */
class ImportSpoolerTests {

	static final String CSV = "source,externalId,title,postedAt\n" + "upwork,~09a,caf\u00E9 csv,2026-11-27T18:00:00Z\n"
			+ "upwork,~09b,\u00DCber \u00BD,2026-11-27T18:00:00Z\n";

	@TempDir
	Path dir;

	@Test
	void theCharsetIsTakenFromContentTypeAndIsUtf8WhenItNamesNone() {
		assertThat(ImportFormat.of("text/csv")).isEqualTo(new Declared(ImportFormat.CSV, StandardCharsets.UTF_8));
		assertThat(ImportFormat.of("Text/CSV; charset=\"iso-8859-1\"").charset())
			.isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(ImportFormat.of("application/x-ndjson;charset=UTF-16LE"))
			.isEqualTo(new Declared(ImportFormat.NDJSON, StandardCharsets.UTF_16LE));
	}

	@Test
	void aCharsetTheServiceDoesNotKnowIsAnUnsupportedMediaTypeSayingSo() {
		for (String contentType : new String[] { "text/csv; charset=klingon", "text/csv; charset=\"not a name\"" }) {
			assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ImportFormat.of(contentType))
				.satisfies((problem) -> assertThat(problem.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
				.withMessageStartingWith("The charset in Content-Type is not one this service knows");
		}
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> ImportFormat.of("text/xml; charset=klingon"))
			.withMessage("An import is text/csv or application/x-ndjson");
	}

	@Test
	void aCsvInLatin1IsReadAsLatin1() throws IOException {
		List<RawRecord> records = spoolAndRead(CSV.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);

		assertThat(records).extracting((record) -> record.fields().get("title").asString())
			.containsExactly("caf\u00E9 csv", "\u00DCber \u00BD");
	}

	@Test
	void aCsvInUtf16WithAByteOrderMarkIsReadWithItsLinesAndColumns() throws IOException {
		byte[] utf16 = ("\uFEFF" + CSV).getBytes(StandardCharsets.UTF_16LE);

		List<RawRecord> records = spoolAndRead(utf16, StandardCharsets.UTF_16LE);

		assertThat(records).extracting(RawRecord::line, (record) -> record.fields().get("title").asString())
			.containsExactly(tuple(2L, "caf\u00E9 csv"), tuple(3L, "\u00DCber \u00BD"));
		assertThat(records.get(0).fields().get("source").asString()).isEqualTo("upwork");
	}

	/**
	 * A lone surrogate and a final odd byte are no UTF-16: their records are rejected,
	 * naming the column, and the records between them are read.
	 */
	@Test
	void bytesThatAreNotTextInTheDeclaredCharsetRejectTheirRecordAndNeverBecomeAReplacementCharacter()
			throws IOException {
		byte[] utf16 = CsvRecordsTests.concat(
				("source,externalId,title,postedAt\n" + "upwork,~09c,lone ").getBytes(StandardCharsets.UTF_16LE),
				new byte[] { 0x00, (byte) 0xD8 },
				(" surrogate,2026-11-27T18:00:00Z\n" + "upwork,~09d,Fine,2026-11-27T18:00:00Z\n" + "upwork,~09e,Odd,x")
					.getBytes(StandardCharsets.UTF_16LE),
				new byte[] { 0x41 });

		List<RawRecord> records = spoolAndRead(utf16, StandardCharsets.UTF_16LE);

		assertThat(records).extracting(RawRecord::line, RawRecord::problem)
			.containsExactly(tuple(2L, "is not readable CSV: the column title " + RecordReader.NOT_TEXT),
					tuple(3L, null), tuple(4L, "is not readable CSV: the column postedAt " + RecordReader.NOT_TEXT));
		// each byte as a character of its own
		String spooled = new String(Files.readAllBytes(this.dir.resolve(only())), StandardCharsets.ISO_8859_1);
		assertThat(spooled).as("no U+FFFD, one byte that is never UTF-8 in place of each")
			.doesNotContain(new String("\uFFFD".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
			.contains("lone \u00FF")
			.endsWith("x\u00FF");
	}

	/**
	 * Characters of two and three UTF-8 bytes over many 64 KiB buffers, so that some are
	 * split between two writes: each comes out whole, and the records are counted as the
	 * reader reads them.
	 */
	@Test
	void aLongUploadIsTranscodedWholeAcrossBuffersAndCountedAsItIsRead() throws IOException {
		StringBuilder csv = new StringBuilder("source,externalId,title,description\n");
		for (int i = 0; i < 2_000; i++) {
			csv.append("upwork,~10").append(i).append(",T\u00E9,\"").append("\u00E9\u20AC\n".repeat(20)).append("\"\n");
		}
		byte[] utf16 = csv.toString().getBytes(StandardCharsets.UTF_16BE);

		Spooled spooled = spool(utf16, StandardCharsets.UTF_16BE);

		assertThat(utf16.length).isGreaterThan(4 * 64 * 1024);
		assertThat(spooled.records()).isEqualTo(2_000);
		assertThat(Files.readString(spooled.file().path())).isEqualTo(csv.toString());
	}

	/**
	 * An upload read a few bytes at a time (odd counts), so that a UTF-16 unit, a
	 * surrogate pair and a two-byte GB18030 character are split between writes: each
	 * comes out whole.
	 */
	@Test
	void charactersSplitBetweenSmallOddReadsComeOutWhole() throws IOException {
		String csv = "source,externalId,title\n" + "upwork,~s1,\uD83D\uDE80 caf\u00E9 \u4E2D\u6587\n".repeat(50);
		for (Charset charset : List.of(StandardCharsets.UTF_16LE, Charset.forName("GB18030"))) {
			byte[] body = csv.getBytes(charset);
			InputStream trickle = new ByteArrayInputStream(body) {
				private int call;

				@Override
				public synchronized int read(byte[] buffer, int offset, int length) {
					return super.read(buffer, offset, Math.min(length, 1 + 2 * (this.call++ % 4)));
				}
			};

			Spooled spooled = new ImportSpooler(this.dir, DataSize.ofMegabytes(16)).spool(UUID.randomUUID(),
					ImportFormat.CSV, charset, body.length, trickle);

			assertThat(Files.readString(spooled.file().path())).as(charset.name()).isEqualTo(csv);
			assertThat(spooled.records()).isEqualTo(50);
		}
	}

	@Test
	void theLimitIsOnTheBytesUploadedAndAnUploadOverItLeavesNoFile() throws IOException {
		byte[] latin1 = CSV.getBytes(StandardCharsets.ISO_8859_1);
		ImportSpooler exact = new ImportSpooler(this.dir, DataSize.ofBytes(latin1.length));
		ImportSpooler smaller = new ImportSpooler(this.dir, DataSize.ofBytes(latin1.length - 1));

		assertThat(exact
			.spool(UUID.randomUUID(), ImportFormat.CSV, StandardCharsets.ISO_8859_1, -1,
					new ByteArrayInputStream(latin1))
			.records()).isEqualTo(2);
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> smaller.spool(UUID.randomUUID(), ImportFormat.CSV,
				StandardCharsets.ISO_8859_1, -1, new ByteArrayInputStream(latin1)));
		try (var files = Files.list(this.dir)) {
			assertThat(files).hasSize(1);
		}
	}

	private Spooled spool(byte[] body, Charset charset) throws IOException {
		ImportSpooler spooler = new ImportSpooler(this.dir, DataSize.ofMegabytes(16));
		return spooler.spool(UUID.randomUUID(), ImportFormat.CSV, charset, body.length, new ByteArrayInputStream(body));
	}

	private List<RawRecord> spoolAndRead(byte[] body, Charset charset) throws IOException {
		Spooled spooled = spool(body, charset);
		List<RawRecord> records = new ArrayList<>();
		try (RecordReader reader = ImportFormat.CSV.open(spooled.file(), 0, 1)) {
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
		}
		assertThat(spooled.records()).as("counted as read").isEqualTo(records.size());
		return records;
	}

	private Path only() throws IOException {
		try (var files = Files.list(this.dir)) {
			return files.findFirst().orElseThrow().getFileName();
		}
	}

}
