package com.bidstream.ingest.imports;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.bidstream.platform.web.ApiProblem;

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
	 * none. A charset the JDK does not know answers 415, as another media type does.
	 */
	static Declared of(String contentType) {
		MediaType type = parse(contentType);
		ImportFormat format = (type != null) ? byMediaType(type) : null;
		if (format != null) {
			Charset charset = type.getCharset();
			return new Declared(format, (charset != null) ? charset : StandardCharsets.UTF_8);
		}
		// Spring reads the charset while it parses: one it does not know fails the parse
		MediaType withoutParameters = parse((contentType != null) ? contentType.split(";", 2)[0] : null);
		if (withoutParameters != null && byMediaType(withoutParameters) != null) {
			throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"The charset in Content-Type is not one this service knows; an import is UTF-8 unless "
							+ "Content-Type names another, such as text/csv; charset=ISO-8859-1",
					null);
		}
		throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"An import is text/csv or application/x-ndjson", null);
	}

	private static MediaType parse(String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
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
