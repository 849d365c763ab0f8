package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.bidstream.platform.web.ApiProblem;
import com.bidstream.platform.web.DeclaredCharset;

/**
 * The file formats an import takes, by the body's media type.
 */
enum ImportFormat {

	CSV("text/csv"), NDJSON("application/x-ndjson");

	private final String mediaType;

	ImportFormat(String mediaType) {
		this.mediaType = mediaType;
	}

	/**
	 * The format and charset a body's {@code Content-Type} declares: UTF-8 when it names
	 * none. Another media type answers 415, and so does a charset the JDK does not know.
	 */
	static Declared of(String contentType) {
		ImportFormat format = DeclaredCharset.mediaType(contentType).map(ImportFormat::byMediaType).orElse(null);
		if (format == null) {
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"An import is text/csv or application/x-ndjson", null);
		}
		return new Declared(format, DeclaredCharset.of(contentType));
	}

	private static ImportFormat byMediaType(MediaType type) {
		for (ImportFormat format : values()) {
			if (format.mediaType.equals((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
				return format;
			}
		}
		return null;
	}

	RecordReader open(SpoolFile file, long offset, long line) throws IOException {
		return switch (this) {
			case CSV -> CsvRecords.open(file, offset, line);
			case NDJSON -> new NdjsonRecords(new ByteCursor(file.open(offset), offset), line);
		};
	}

	RecordCounter counter() {
		return (this == CSV) ? new RecordCounter.Csv() : new RecordCounter.Ndjson();
	}

	/**
	 * What an upload's {@code Content-Type} says it is.
	 */
	record Declared(ImportFormat format, Charset charset) {

	}

}
