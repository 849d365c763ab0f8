package com.bidstream.ingest.imports;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.bidstream.ingest.imports.ImportRunner.Chunk;
import com.bidstream.ingest.imports.ImportRunner.Chunks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's chunks: at most so many records, and fewer once their bytes reach the
 * budget, so that long records (up to 1 MiB each) never put a gigabyte in one chunk.
 */
class ChunksTests {

	private static final long MIB = 1024 * 1024;

	/** Records of {@code bytes} each, starting at {@code from}, the last at the end. */
	private static RecordReader records(int count, long bytes, long from) {
		return new RecordReader() {

			private int read;

			@Override
			public RawRecord next() {
				if (this.read == count) {
					return null;
				}
				this.read++;
				return new RawRecord(this.read + 1, JsonNodeFactory.instance.objectNode().put("n", this.read), null,
						from + this.read * bytes, this.read + 2);
			}

			@Override
			public void close() {
			}

		};
	}

	private static List<Integer> sizes(Chunks chunks) throws IOException {
		List<Integer> sizes = new ArrayList<>();
		for (Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
			sizes.add(chunk.records());
		}
		return sizes;
	}

	@Test
	void longRecordsEndAChunkOnceItsBytesReachTheBudget() throws IOException {
		Chunks chunks = new Chunks(records(10, 3 * MIB, 500), 500, 1000, 8 * MIB, (candidates) -> null);

		assertThat(sizes(chunks)).containsExactly(3, 3, 3, 1);
	}

	@Test
	void shortRecordsFillAChunkToItsCount() throws IOException {
		Chunks chunks = new Chunks(records(2500, 300, 0), 0, 1000, 8 * MIB, (candidates) -> null);

		assertThat(sizes(chunks)).containsExactly(1000, 1000, 500);
	}

	@Test
	void eachChunkEndsWhereItsLastRecordEnds() throws IOException {
		Chunks chunks = new Chunks(records(4, 5 * MIB, 0), 0, 1000, 8 * MIB, (candidates) -> null);

		assertThat(chunks.next().endOffset()).isEqualTo(10 * MIB);
		assertThat(chunks.next().endOffset()).isEqualTo(20 * MIB);
		assertThat(chunks.next()).isNull();
	}

}
