package com.bidstream.localstack.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import com.bidstream.contracts.EventCodec;
import com.bidstream.localstack.Console;

/**
 * A bulk import: an NDJSON file of {@code lines} distinct listings (written to a
 * temporary file first, not timed) is posted to {@code /api/v1/imports}; the clock runs
 * from the POST to the import's status DONE, and on to the last of its listings read from
 * {@code listings.ingested}.
 */
final class ImportStep {

	private static final long POLL_MILLIS = 250;

	private static final long STALLED_NANOS = 180_000_000_000L;

	/**
	 * What the import accepted, when the 202 came (the upload and spooling), when its
	 * status read DONE, and when its last listing was read from the topic;
	 * {@code complete} when all of that happened before the deadline.
	 */
	record Timing(long lines, long accepted, double uploadSeconds, double doneSeconds, long published,
			double publishedSeconds, boolean complete) {
	}

	private final BenchClient client;

	private final PublishedCounter published;

	private final Console console;

	private final String source;

	ImportStep(BenchClient client, PublishedCounter published, Console console, String source) {
		this.client = client;
		this.published = published;
		this.console = console;
		this.source = source;
	}

	Timing run(int lines, Duration deadline) throws InterruptedException {
		Path file = write(lines);
		try {
			this.console.step("import",
					"%,d lines (%,d MB), source %s".formatted(lines, size(file) >> 20, this.source));
			long started = System.nanoTime();
			String id = this.client.startImport(file);
			double uploadSeconds = seconds(started);
			this.console.step("import", "202 after %.1f s (uploaded and spooled)".formatted(uploadSeconds));
			Double doneSeconds = null;
			long accepted = 0;
			long lastLine = started;
			long lastChange = started;
			long seen = -1;
			while (true) {
				JsonNode status = this.client.importStatus(id);
				String state = status.path("status").asString();
				if (state.equals("FAILED")) {
					throw new IllegalStateException("the import failed: " + status);
				}
				long processed = status.path("processed").asLong();
				long onTopic = this.published.count(this.source);
				if (doneSeconds == null && state.equals("DONE")) {
					doneSeconds = seconds(started);
					accepted = status.path("accepted").asLong();
					this.console.step("import",
							"DONE after %.1f s: %,d accepted, %,d duplicates, %,d rejected".formatted(doneSeconds,
									accepted, status.path("duplicates").asLong(), status.path("rejected").asLong()));
				}
				if (doneSeconds != null && onTopic >= accepted) {
					double publishedSeconds = (this.published.lastAt(this.source) - started) / 1e9;
					this.console.step("import",
							"all %,d on listings.ingested after %.1f s".formatted(onTopic, publishedSeconds));
					return new Timing(lines, accepted, uploadSeconds, doneSeconds, onTopic, publishedSeconds, true);
				}
				long now = System.nanoTime();
				if (now - started > deadline.toNanos()) {
					this.console.step("import",
							"deadline: %,d processed, %,d on the topic".formatted(processed, onTopic));
					return new Timing(lines, accepted, uploadSeconds,
							(doneSeconds != null) ? doneSeconds : seconds(started), onTopic, seconds(started), false);
				}
				if (processed + onTopic != seen) {
					seen = processed + onTopic;
					lastChange = now;
				}
				else if (now - lastChange > STALLED_NANOS) {
					throw new IllegalStateException("import: nothing processed or published for %d s; see the logs"
						.formatted(STALLED_NANOS / 1_000_000_000L));
				}
				if (now - lastLine > 5_000_000_000L) {
					this.console.step("import",
							"processed %,d, on the topic %,d (%.0f s)".formatted(processed, onTopic, seconds(started)));
					lastLine = now;
				}
				Thread.sleep(POLL_MILLIS);
			}
		}
		finally {
			delete(file);
		}
	}

	private Path write(int lines) {
		ListingBatches listings = new ListingBatches(this.source, 300);
		try {
			Path file = Files.createTempFile("bidstream-bench-import-", ".ndjson");
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
				for (int n = 0; n < lines; n++) {
					out.write(EventCodec.toBytes(listings.listing(n)));
					out.write('\n');
				}
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the import file", ex);
		}
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a temporary file: left for the system to clear
		}
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
