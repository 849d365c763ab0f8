package com.bidstream.ingest.imports;

import java.io.IOException;
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

	static ImportFormat of(String contentType) {
		if (contentType != null) {
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				for (ImportFormat format : values()) {
					if (format.mediaType.equals((type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT))) {
						return format;
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// not a media type: answered below
			}
		}
		throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"An import is text/csv or application/x-ndjson", null);
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

}
