package com.bidstream.ingest.imports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import com.bidstream.platform.web.ApiProblem;

/**
 * Writes an import's body to a file under {@code bidstream.ingest.imports.spool-dir}
 * while counting its records, refusing a body over
 * {@code bidstream.ingest.imports.max-bytes} by its declared length before reading it,
 * and while reading (a chunked body declares none). The file is UTF-8: a body in another
 * charset is written as UTF-8 ({@link Utf8Transcoder}), so the readers need not know it.
 */
@Component
class ImportSpooler {

	private final Path directory;

	private final long maxBytes;

	ImportSpooler(
			@Value("${bidstream.ingest.imports.spool-dir:${java.io.tmpdir}/bidstream-ingest-imports}") Path directory,
			@Value("${bidstream.ingest.imports.max-bytes:2GB}") DataSize maxBytes) throws IOException {
		this.directory = Files.createDirectories(directory);
		this.maxBytes = maxBytes.toBytes();
	}

	long maxBytes() {
		return this.maxBytes;
	}

	Spooled spool(UUID id, ImportFormat format, Charset charset, long declaredLength, InputStream body)
			throws IOException {
		if (declaredLength > this.maxBytes) {
			throw tooLarge();
		}
		Path file = this.directory.resolve(id + "." + format.name().toLowerCase(java.util.Locale.ROOT));
		RecordCounter counter = format.counter();
		byte[] buffer = new byte[64 * 1024];
		long written = 0;
		try (OutputStream out = Utf8Transcoder
			.to(new Counted(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024), counter), charset)) {
			for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
				written += read;
				if (written > this.maxBytes) {
					throw tooLarge();
				}
				out.write(buffer, 0, read);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return new Spooled(new SpoolFile(file), counter.finish());
	}

	private ApiProblem tooLarge() {
		return ApiProblem.payloadTooLarge("An import may hold at most " + this.maxBytes + " bytes");
	}

	record Spooled(SpoolFile file, long records) {

	}

	/**
	 * Counts the records of what is written to the file, as the readers will see it.
	 */
	private static final class Counted extends OutputStream {

		private final OutputStream file;

		private final RecordCounter counter;

		Counted(OutputStream file, RecordCounter counter) {
			this.file = file;
			this.counter = counter;
		}

		@Override
		public void write(int b) throws IOException {
			this.counter.accept(b & 0xFF);
			this.file.write(b);
		}

		@Override
		public void write(byte[] bytes, int from, int count) throws IOException {
			for (int i = from; i < from + count; i++) {
				this.counter.accept(bytes[i] & 0xFF);
			}
			this.file.write(bytes, from, count);
		}

		@Override
		public void close() throws IOException {
			this.file.close();
		}

	}

}
