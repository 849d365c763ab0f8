package com.bidstream.ingest.imports;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

class ReadAheadTests {

	@Test
	void recordsComeOutInTheReadersOrderThenTheEndForGood() throws IOException {
		try (ReadAhead<RawRecord> reader = new ReadAhead<>(new Numbered(2_500, null), 10, "test-reader")) {
			List<Long> lines = new ArrayList<>();
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				lines.add(record.line());
			}
			assertThat(lines).hasSize(2_500).isSorted().doesNotHaveDuplicates();
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void aFailureOfTheReaderComesOutAfterTheRecordsReadBeforeIt() throws IOException {
		try (ReadAhead<RawRecord> reader = new ReadAhead<>(new Numbered(3, new IOException("disk gone")), 10,
				"test-reader")) {
			assertThat(reader.next().line()).isEqualTo(1);
			assertThat(reader.next().line()).isEqualTo(2);
			assertThat(reader.next().line()).isEqualTo(3);
			assertThatIOException().isThrownBy(reader::next).withMessage("disk gone");
			assertThatIOException().as("and again on the next call").isThrownBy(reader::next);
		}
	}

	@Test
	void closingStopsTheThreadWaitingOnAFullQueueAndClosesTheReader() throws IOException {
		Numbered source = new Numbered(1_000_000, null);
		ReadAhead<RawRecord> reader = new ReadAhead<>(source, 5, "test-reader");
		reader.next();
		await().atMost(Duration.ofSeconds(10)).until(() -> source.read.get() >= 6);

		reader.close();

		assertThat(reader.reading()).isFalse();
		assertThat(source.closed.get()).isTrue();
		assertThat(source.read.get()).as("the thread read no further than the queue holds").isLessThan(10);
	}

	@Test
	void aCallerInterruptedAtShutdownStillWaitsForTheThreadAndStaysInterrupted() throws IOException {
		Numbered source = new Numbered(1_000_000, null);
		ReadAhead<RawRecord> reader = new ReadAhead<>(source, 5, "test-reader");
		await().atMost(Duration.ofSeconds(10)).until(() -> source.read.get() >= 6);

		Thread.currentThread().interrupt();
		reader.close();

		assertThat(Thread.interrupted()).as("still interrupted, and cleared here").isTrue();
		assertThat(reader.reading()).isFalse();
		assertThat(source.closed.get()).isTrue();
	}

	/**
	 * Records numbered from 1, then {@code failure} (if any) in place of the end.
	 */
	private static final class Numbered implements RecordReader {

		private final int records;

		private final IOException failure;

		final AtomicInteger read = new AtomicInteger();

		final AtomicBoolean closed = new AtomicBoolean();

		Numbered(int records, IOException failure) {
			this.records = records;
			this.failure = failure;
		}

		@Override
		public RawRecord next() throws IOException {
			int n = this.read.incrementAndGet();
			if (n > this.records) {
				if (this.failure != null) {
					throw this.failure;
				}
				return null;
			}
			return new RawRecord(n, null, "record " + n, n * 10L, n + 1);
		}

		@Override
		public void close() {
			this.closed.set(true);
		}

	}

}
