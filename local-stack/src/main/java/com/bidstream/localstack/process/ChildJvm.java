package com.bidstream.localstack.process;

import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options of every process the launcher starts, in one place. Each heap fits the
 * process's worst moment, not its steady state (README, "Memory of the local stack"):
 * <ul>
 * <li>PostgreSQL's JVM only supervises the server, but on a bare machine it first unpacks
 * zonky's binaries: the archive is held twice in memory (about 14 MB each), the xz
 * decoder takes its 64 MiB dictionary, and each file is read whole. 96 MB ran out of
 * memory there; 256 MB leaves room.</li>
 * <li>Kafka recovers its logs at start; 512 MB is what its own scripts give a
 * broker.</li>
 * <li>A service holds its poll batches, an ingest request of up to 10 MiB (bounded in
 * flight), and the report it is answering.</li>
 * </ul>
 * Every JVM ends on its first out-of-memory error rather than limping on, so the launcher
 * sees it (and restarts a service).
 */
public enum ChildJvm {

	POSTGRES("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),

	KAFKA("-Xms256m", "-Xmx512m"),

	SERVICE("-Xmx384m");

	private final List<String> heap;

	ChildJvm(String... heap) {
		this.heap = List.of(heap);
	}

	/**
	 * The heap options, the exit on out-of-memory, and {@code extra} (log levels).
	 */
	public List<String> options(String... extra) {
		List<String> options = new ArrayList<>(this.heap);
		options.add("-XX:+ExitOnOutOfMemoryError");
		options.addAll(List.of(extra));
		return List.copyOf(options);
	}

	/**
	 * The largest heap this process may take, as the {@code -Xmx} value.
	 */
	public String maxHeap() {
		return this.heap.stream()
			.filter((option) -> option.startsWith("-Xmx"))
			.map((option) -> option.substring(4))
			.findFirst()
			.orElseThrow();
	}

}
